import type { Sql } from '../db/openDatabase.ts';
import { availableAccountOfExpr, ledgerPostCall, systemAccountExpr } from '../ledger/ledgerStore.ts';
import { GroupCommit, type Pending } from '../shared/groupCommit.ts';
import { ESCROW_SHARDS } from './ledgerAccountIds.ts';
import type { Reservation, ReservationRequest } from './reserveFee.ts';
import { reserveNew } from './reserveNew.ts';

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

/**
 * Every request's call row and escrow post in one statement: item n (from 1) → its new call's id,
 * absent where the key was already taken. Throws, having written nothing, if any post fails.
 */
async function reserveMany(sql: Sql, requests: readonly ReservationRequest[]): Promise<Map<number, string>> {
  const items = requests.map((r) => ({
    caller_account_id: r.callerAccountId,
    idempotency_key: r.idempotencyKey,
    request_hash: r.requestHash,
    model_id: r.modelId,
    fee: r.fee.toString(),
    seed: r.seed,
    prompt: r.prompt,
  }));
  // synchronous_commit off for this transaction only, as reserveNew explains.
  const rows = await sql<{ n: number; id: string }[]>`
    with relaxed as (select set_config('synchronous_commit', 'off', true)),
      items as (
        select (jsonb_populate_record(null::inference_calls, t.e)).*, t.n::int as n
        from jsonb_array_elements(${sql.json(items as never)}) with ordinality as t(e, n)
      ),
      call as (
        insert into inference_calls (caller_account_id, idempotency_key, request_hash, model_id, fee, seed, prompt)
        select caller_account_id, idempotency_key, request_hash, model_id, fee, seed, prompt
        from items order by n
        on conflict (caller_account_id, idempotency_key) do nothing
        returning id, caller_account_id, idempotency_key, model_id, fee
      )
    select items.n, call.id
    from relaxed, call join items using (caller_account_id, idempotency_key), lateral ${ledgerPostCall(sql, {
      kind: 'inference_reserve',
      key: sql`'inference:' || call.id || ':reserve:1'`,
      memo: sql`jsonb_build_object('modelId', call.model_id::text, 'receiptId', call.id::text)`,
      accounts: [
        availableAccountOfExpr(sql, sql`call.caller_account_id`),
        systemAccountExpr(sql, sql`'inference_escrow_' || (call.id % ${ESCROW_SHARDS})`),
      ],
      amounts: sql`array[-call.fee, call.fee]::numeric[]`,
      roles: ['payer', null],
    })} as posted`;
  return new Map(rows.map((r) => [Number(r.n), String(r.id)]));
}
