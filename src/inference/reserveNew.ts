import type { Sql } from '../db/openDatabase.ts';
import { availableAccountExpr, ledgerPostCall, systemAccountExpr } from '../ledger/ledgerStore.ts';
import { mapLedgerError } from '../ledger/postTransaction.ts';
import { ESCROW_SHARDS } from './ledgerAccountIds.ts';
import type { Reservation, ReservationRequest } from './reserveFee.ts';

/**
 * The common case, a new key, in one statement (one round trip, atomic on its own): the call row
 * and its escrow post, or neither when the balance is short. Null when the key is already taken.
 * Errors come back mapped (INSUFFICIENT_FUNDS, NOT_FOUND) for reserveFee to word.
 */
export async function reserveNew(sql: Sql, r: ReservationRequest): Promise<Reservation | null> {
  const insert = sql`
    insert into inference_calls (caller_account_id, idempotency_key, request_hash, model_id, fee, seed, prompt)
    values (${r.callerAccountId}, ${r.idempotencyKey}, ${r.requestHash}, ${r.modelId}, ${r.fee.toString()},
      ${r.seed}, ${r.prompt})
    on conflict (caller_account_id, idempotency_key) do nothing
    returning id`;
  if (r.fee === 0n) {
    const [row] = await insert;
    return row ? { state: 'reserved', callId: row.id, attempt: 1 } : null;
  }
  try {
    // The same post escrowFee makes through postTransaction, with the new row's id in its key and memo.
    // Its commit does not wait for the WAL flush (synchronous_commit off for this transaction only):
    // nothing relies on a reservation except its settlement, which commits synchronously later and so
    // flushes the reservation's WAL first; a crash before that loses the call row and its escrow post
    // together, and the caller, who is answered only after settlement, was charged nothing.
    const [row] = await sql<{ id: string }[]>`
      with relaxed as (select set_config('synchronous_commit', 'off', true)),
        call as (${insert})
      select call.id from relaxed, call, lateral ${ledgerPostCall(sql, {
        kind: 'inference_reserve',
        key: sql`'inference:' || call.id || ':reserve:1'`,
        memo: sql`jsonb_build_object('modelId', ${r.modelId}::text, 'receiptId', call.id::text)`,
        accounts: [
          availableAccountExpr(sql, r.callerAccountId),
          systemAccountExpr(sql, sql`'inference_escrow_' || (call.id % ${ESCROW_SHARDS})`),
        ],
        amounts: [(-r.fee).toString(), r.fee.toString()],
        roles: ['payer', null],
      })} as posted`;
    return row ? { state: 'reserved', callId: row.id, attempt: 1 } : null;
  } catch (error) {
    throw mapLedgerError(error);
  }
}
