import type { Sql } from '../db/openDatabase.ts';
import { availableAccountExpr, ledgerPostCall, systemAccountExpr } from '../ledger/ledgerStore.ts';
import { mapLedgerError } from '../ledger/postTransaction.ts';
import { ESCROW_SHARDS } from './ledgerAccountIds.ts';
import type { Reservation, ReservationRequest } from './reserveFee.ts';

/**
 * The common case, a new key, alone: the call row and its escrow post (reserveMany's statement),
 * or neither when the balance is short. Null when the key is already taken. Errors come back
 * mapped (INSUFFICIENT_FUNDS, NOT_FOUND) for reserveFee to word.
 */
export async function reserveNew(sql: Sql, r: ReservationRequest): Promise<Reservation | null> {
  if (r.fee === 0n) {
    const [row] = await sql<{ id: string }[]>`
      insert into inference_calls (caller_account_id, idempotency_key, request_hash, model_id, fee, seed, prompt)
      values (${r.callerAccountId}, ${r.idempotencyKey}, ${r.requestHash}, ${r.modelId}, '0', ${r.seed}, ${r.prompt})
      on conflict (caller_account_id, idempotency_key) do nothing
      returning id`;
    return row ? { state: 'reserved', callId: row.id, attempt: 1 } : null;
  }
  try {
    const id = (await reserveMany(sql, [r])).get(1);
    return id === undefined ? null : { state: 'reserved', callId: id, attempt: 1 };
  } catch (error) {
    throw mapLedgerError(error);
  }
}

/**
 * Every request's call row and escrow post in one statement: item n (from 1) → its new call's id,
 * absent where the key was already taken. Throws, having written nothing, if any post fails.
 */
export async function reserveMany(
  sql: Sql,
  requests: readonly ReservationRequest[],
): Promise<Map<number, string>> {
  const items = requests.map((r) => ({
    caller_account_id: r.callerAccountId,
    idempotency_key: r.idempotencyKey,
    request_hash: r.requestHash,
    model_id: r.modelId,
    fee: r.fee.toString(),
    seed: r.seed,
    prompt: r.prompt,
  }));
  // Its commit does not wait for the WAL flush (synchronous_commit off for this transaction only):
  // nothing relies on a reservation except its settlement, which commits synchronously later and so
  // flushes the reservation's WAL first; a crash before that loses the call rows and their escrow
  // posts together, and the callers, answered only after settlement, were charged nothing.
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
        availableAccountExpr(sql, sql`call.caller_account_id`),
        systemAccountExpr(sql, sql`'inference_escrow_' || (call.id % ${ESCROW_SHARDS})`),
      ],
      amounts: sql`array[-call.fee, call.fee]::numeric[]`,
      roles: ['payer', null],
    })} as posted`;
  return new Map(rows.map((r) => [Number(r.n), String(r.id)]));
}
