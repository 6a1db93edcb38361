import type { Sql } from '../db/openDatabase.ts';
import { GroupCommit, type Pending } from '../shared/groupCommit.ts';
import type { Reservation, ReservationRequest } from './reserveFee.ts';
import { reserveMany, reserveNew } from './reserveNew.ts';

// Each item locks its caller's account and one escrow shard until the batch commits; a bigger
// batch would hold them longer than the next batch takes to fill.
const MAX_BATCH = 32;

type Waiting = Pending<{ sql: Sql; request: ReservationRequest }, Reservation | null>;

/**
 * Group commit for new-key reservations (InferenceMemory holds one): `reserveNew`, but calls that
 * arrive while a reservation is in flight wait for it and then go out together, every call row
 * and every escrow post in one statement and one commit. A reservation that finds the batcher idle
 * goes out at once, alone, as before, so an idle service waits for nothing. The statement is all
 * or nothing: when any item fails (a short balance, an unknown account or model) nothing of it
 * was written and each item runs alone, which gives each its own answer or error. A key already
 * taken (or taken twice in one batch) answers null for that item only, as `reserveNew` does, and
 * reserveFee's replay or CONFLICT path takes it from there. No subtransactions: the common batch
 * all fits, and the rare failing one costs one extra round per item.
 */
export class ReservationBatcher {
  // One batch in flight: two could lock the same callers and shards in opposite orders.
  private readonly queue = new GroupCommit<Waiting['item'], Reservation | null>(
    (batch) => this.run(batch[0].item.sql, batch),
    MAX_BATCH,
    (a, b) => a.sql === b.sql,
  );

  reserve(sql: Sql, request: ReservationRequest): Promise<Reservation | null> {
    return this.queue.submit({ sql, request });
  }

  /** Resolves once no reservation is waiting or in flight. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async run(sql: Sql, batch: Waiting[]): Promise<void> {
    // Free calls and a key's second request in this batch go alone (after the batch, so the
    // second sees the first's row): only distinct keys with a fee share the statement.
    const keys = new Set<string>();
    const shared: Waiting[] = [];
    const alone: Waiting[] = [];
    for (const w of batch) {
      const key = JSON.stringify([w.item.request.callerAccountId, w.item.request.idempotencyKey]);
      if (w.item.request.fee === 0n || keys.has(key)) alone.push(w);
      else {
        keys.add(key);
        shared.push(w);
      }
    }
    if (shared.length === 1) alone.unshift(shared.pop() as Waiting);
    if (shared.length > 0) {
      try {
        const ids = await reserveMany(
          sql,
          shared.map((w) => w.item.request),
        );
        shared.forEach((w, i) => {
          const id = ids.get(i + 1);
          w.resolve(id === undefined ? null : { state: 'reserved', callId: id, attempt: 1 });
        });
      } catch {
        // Nothing of the batch was written: each alone gets its own answer or error.
        alone.unshift(...shared);
      }
    }
    await Promise.all(
      alone.map(async (w) => {
        try {
          w.resolve(await reserveNew(sql, w.item.request));
        } catch (error) {
          w.reject(error);
        }
      }),
    );
  }
}
