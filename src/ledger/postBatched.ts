import type { Sql } from '../db/openDatabase.ts';
import { AppError, isAppError } from '../errors.ts';
import { GroupCommit, type Pending } from '../shared/groupCommit.ts';
import { idempotencyConflict, requestHashOf } from '../shared/withIdempotency.ts';
import {
  mapLedgerError,
  type PostTransactionParams,
  type PostTransactionResult,
  postTransaction,
} from './postTransaction.ts';

// At most this many postings share a commit: each is a subtransaction, and past 64 a transaction's
// subtransaction ids overflow PostgreSQL's per-backend cache, which slows every other snapshot.
const MAX_BATCH = 64;

type Keyed = PostTransactionParams & { once: NonNullable<PostTransactionParams['once']> };

interface Item {
  params: Keyed;
  row: ReturnType<typeof itemOf>;
}

type Waiting = Pending<Item, PostTransactionResult>;

/**
 * Group commit for keyed postings made outside any transaction (transfers). A posting that finds
 * the batcher idle goes out at once, alone, as before; postings that arrive while one is in flight
 * wait for it and then go out together through `ledger_post_batch` (migration 0024): one round trip
 * and one commit for all of them, each still all-or-nothing in its own subtransaction, so an
 * overdraft or key conflict fails only its own posting. Nobody is told "done" before the commit.
 * No timer: the wait is the previous batch's round trip, so an idle service adds no latency.
 */
export class PostingBatcher {
  private readonly queue = new GroupCommit<Item, PostTransactionResult>(
    (batch) => this.run(batch),
    MAX_BATCH,
  );

  constructor(private readonly sql: Sql) {}

  /**
   * `postTransaction` with the caller's idempotency key, outside any transaction, group-committed
   * with concurrent ones. Same results and errors.
   */
  async post(params: Keyed): Promise<PostTransactionResult> {
    return this.queue.submit({ params, row: itemOf(params) });
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    let rows: {
      n: number;
      tx_id: string | null;
      replayed: boolean | null;
      err_state: string | null;
      err_constraint: string | null;
    }[];
    try {
      rows = await this.sql`select n, tx_id, replayed, err_state, err_constraint
        from ledger_post_batch(${this.sql.json(batch.map((w) => w.item.row) as never)})`;
    } catch {
      // Nothing of the batch committed (or, if the connection dropped at commit, it did and each
      // key replays it): post each alone, which gives each its own answer or error.
      await Promise.all(batch.map((w) => this.alone(w)));
      return;
    }
    await Promise.all(
      rows.map(async (r) => {
        const w = batch[r.n - 1];
        if (r.err_state === null) {
          w.resolve({ txId: String(r.tx_id), replayed: Boolean(r.replayed) });
          return;
        }
        if (r.err_state === 'P0409') return w.reject(idempotencyConflict(w.item.params.once.key));
        const mapped = mapLedgerError({ code: r.err_state, constraint_name: r.err_constraint ?? undefined });
        if (isAppError(mapped)) return w.reject(mapped);
        // An error the mapping does not name: its subtransaction left nothing behind, so posting it
        // alone reproduces the error with its full detail (or succeeds, if it was transient).
        await this.alone(w);
      }),
    );
  }

  private async alone(w: Waiting): Promise<void> {
    try {
      w.resolve(await postTransaction(this.sql, w.item.params));
    } catch (error) {
      w.reject(error);
    }
  }
}

function itemOf(p: Keyed) {
  const legs = p.legs.filter((l) => l.amount !== 0n);
  const sum = legs.reduce((a, l) => a + l.amount, 0n);
  if (sum !== 0n || legs.length < 2)
    throw new AppError('INTERNAL', `Ledger transaction ${p.kind} does not balance.`);
  return {
    account: p.once.accountId,
    key: p.once.key,
    operation: p.once.operation,
    hash: requestHashOf(p.once),
    kind: p.kind,
    ledgerKey: p.idempotencyKey ?? null,
    memo: p.memo ?? {},
    legs: legs.map((l) => ({
      id: l.ledgerAccountId ?? null,
      owner: l.ownerAccountId ?? null,
      amount: l.amount.toString(),
      role: l.role ?? null,
    })),
  };
}
