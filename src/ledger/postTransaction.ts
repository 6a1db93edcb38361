import type { Db } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import { type IdempotencyScope, idempotencyConflict, requestHashOf } from '../shared/withIdempotency.ts';

export type LedgerRole =
  | 'contributor'
  | 'validator'
  | 'developer'
  | 'protocol'
  | 'depositor'
  | 'payer'
  | null;

/** A leg names a ledger account directly, or a person's/agent's spendable account by owner. */
export type LedgerLeg = (
  | { ledgerAccountId: string; ownerAccountId?: undefined }
  | { ownerAccountId: string; ledgerAccountId?: undefined }
) & {
  /** Positive credits the account, negative debits it. Legs sum to zero. */
  amount: bigint;
  role?: LedgerRole;
};

export interface PostTransactionParams {
  kind: string;
  /** Global key: the same key posts once; a replay returns the first transaction's id. */
  idempotencyKey?: string;
  memo?: Record<string, unknown>;
  legs: LedgerLeg[];
  /**
   * The caller's idempotency key and request, when this posting is the call's whole effect: the
   * withIdempotency rule applied in the same statement (`ledger_post_once`), so a keyed transfer stays
   * one round trip. The same key with another request is a CONFLICT.
   */
  once?: IdempotencyScope;
}

export interface PostTransactionResult {
  txId: string;
  replayed: boolean;
}

/**
 * Posts one balanced ledger transaction through `ledger_post` (one round trip; the database
 * checks the sum, the non-negative balances and the lock order). A debit that would overdraw
 * an account fails with INSUFFICIENT_FUNDS and, inside a transaction, aborts all of it.
 */
export async function postTransaction(db: Db, params: PostTransactionParams): Promise<PostTransactionResult> {
  const legs = params.legs.filter((l) => l.amount !== 0n);
  const sum = legs.reduce((a, l) => a + l.amount, 0n);
  if (sum !== 0n) throw new AppError('INTERNAL', `Ledger transaction ${params.kind} does not balance.`);
  if (legs.length < 2) throw new AppError('INTERNAL', `Ledger transaction ${params.kind} needs two legs.`);
  const once = params.once;
  const post = once
    ? db`ledger_post_once(${once.accountId}, ${once.key}, ${once.operation}, ${requestHashOf(once)},`
    : db`ledger_post(`;
  try {
    const [row] = await db<{ tx_id: string; replayed: boolean }[]>`
      select tx_id, replayed from ${post}
        ${params.kind}, ${params.idempotencyKey ?? null}, ${db.json((params.memo ?? {}) as never)},
        array(
          select coalesce(l.id, (select a.id from ledger_accounts a where a.owner_account_id = l.owner and a.kind = 'available'))
          from unnest(${legs.map((l) => l.ledgerAccountId ?? null)}::bigint[], ${legs.map((l) => l.ownerAccountId ?? null)}::bigint[])
            with ordinality as l(id, owner, n)
          order by l.n),
        ${legs.map((l) => l.amount.toString())}::numeric[],
        ${legs.map((l) => l.role ?? null)}::text[])`;
    return { txId: row.tx_id, replayed: row.replayed };
  } catch (error) {
    if (once && (error as { code?: string })?.code === 'P0409') throw idempotencyConflict(once.key);
    throw mapLedgerError(error);
  }
}

export function mapLedgerError(error: unknown): unknown {
  const e = error as { code?: string; constraint_name?: string };
  if (e?.code === 'P0002') return new AppError('NOT_FOUND', 'Account not found.');
  if (e?.code === '23514' && e.constraint_name === 'ledger_closed_empty') {
    // A closed account was merged into another by a link code (see redeemLinkCode).
    return new AppError(
      'INVALID_STATE',
      'That account was merged into another one and can no longer receive tokens. Send to the account it joined.',
    );
  }
  if (e?.code === '23514' && e.constraint_name === 'ledger_balance_non_negative') {
    return new AppError(
      'INSUFFICIENT_FUNDS',
      'Not enough balance for this. Top up, or use a smaller amount.',
    );
  }
  return error;
}
