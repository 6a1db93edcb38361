import type { Db } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import { mapLedgerError } from './postTransaction.ts';

export interface ManyPosting {
  kind: string;
  /** Global key: unlike postTransaction, a key already used fails the whole call (no replay). */
  idempotencyKey: string;
  memo: Record<string, unknown>;
  legs: { ledgerAccountId: string; amount: bigint; role?: string | null }[];
}

/**
 * Posts several balanced transactions in one statement inside the caller's transaction: their
 * rows, their entries and one balance update per account, instead of one `ledger_post` round of
 * statements each (a settlement batch of ~14 paid calls spent 1.3 ms of server time per posting in
 * `ledger_post`). The caller must hold every account's row lock already (taken in id order, as
 * `lockLedgerAccounts` does), so the update takes no new locks. All or nothing: an overdraft, a
 * closed account or a key used before fails the whole statement, and the caller's transaction
 * with it; the database still checks every transaction sums to zero (the entries trigger) and
 * every balance stays non-negative (the CHECK).
 */
export async function postMany(tx: Db, postings: readonly ManyPosting[]): Promise<string[]> {
  if (postings.length === 0) return [];
  const legs: { n: number; a: string; m: string; r: string | null }[] = [];
  for (const [n, p] of postings.entries()) {
    const own = p.legs.filter((l) => l.amount !== 0n);
    const sum = own.reduce((a, l) => a + l.amount, 0n);
    if (sum !== 0n || own.length < 2)
      throw new AppError('INTERNAL', `Ledger transaction ${p.kind} does not balance.`);
    for (const l of own)
      legs.push({ n: n + 1, a: l.ledgerAccountId, m: l.amount.toString(), r: l.role ?? null });
  }
  const items = postings.map((p, i) => ({ n: i + 1, kind: p.kind, key: p.idempotencyKey, memo: p.memo }));
  try {
    const rows = await tx<{ id: string }[]>`
      with tx as (
        insert into ledger_transactions (kind, idempotency_key, memo)
        select x.kind, x.key, x.memo
        from jsonb_to_recordset(${tx.json(items as never)}) as x(n int, kind text, key text, memo jsonb)
        order by x.n
        returning id, idempotency_key
      ),
      numbered as (
        select tx.id, x.n
        from tx join jsonb_to_recordset(${tx.json(items as never)}) as x(n int, key text)
          on x.key = tx.idempotency_key
      ),
      legs as (
        select l.n, l.a, l.m::numeric as m, l.r
        from jsonb_to_recordset(${tx.json(legs as never)}) as l(n int, a bigint, m text, r text)
      ),
      entries as (
        insert into ledger_entries (tx_id, ledger_account_id, amount, role)
        select numbered.id, legs.a, legs.m, legs.r from legs join numbered on numbered.n = legs.n
        order by numbered.id
      ),
      balances as (
        update ledger_accounts la set balance = la.balance + d.delta
        from (select a, sum(m) as delta from legs group by a) d
        where la.id = d.a and d.delta <> 0
      )
      select id from numbered order by n`;
    return rows.map((r) => r.id);
  } catch (error) {
    throw mapLedgerError(error);
  }
}
