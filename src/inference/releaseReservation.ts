import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { inferenceEscrowOf } from './ledgerAccountIds.ts';

/**
 * Refunds a reserved fee from escrow to the caller and marks the call released, once: only while
 * the call is still reserved by this attempt (a settle or another release may have come first).
 */
export async function releaseReservation(
  deps: Deps,
  call: { callId: string; attempt: number; reason: string },
): Promise<boolean> {
  return deps.sql.begin(async (tx) => {
    const [row] = await tx<
      { status: string; attempt: number; fee: string; caller_account_id: string; model_id: string }[]
    >`
      select status, attempt, fee, caller_account_id, model_id from inference_calls where id = ${call.callId} for update`;
    if (row?.status !== 'reserved' || row.attempt !== call.attempt) return false;
    await tx`
      update inference_calls set status = 'released', error = ${call.reason.slice(0, 2000)}
      where id = ${call.callId}`;
    const fee = BigInt(row.fee);
    if (fee > 0n) {
      await postTransaction(tx, {
        kind: 'inference_release',
        idempotencyKey: `inference:${call.callId}:release:${call.attempt}`,
        memo: { modelId: row.model_id, receiptId: call.callId },
        legs: [
          { ledgerAccountId: inferenceEscrowOf(deps, call.callId), amount: -fee },
          { ownerAccountId: row.caller_account_id, amount: fee },
        ],
      });
    }
    return true;
  });
}
