import { AppError, isAppError } from '../errors.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import { formatTokens } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { inferenceEscrowOf } from './ledgerAccountIds.ts';

export interface ReservationRequest {
  callerAccountId: string;
  idempotencyKey: string;
  requestHash: string;
  modelId: string;
  fee: bigint;
  seed: number;
  prompt: string;
}

export type Reservation =
  | { state: 'reserved'; callId: string; attempt: number }
  | { state: 'settled'; callId: string };

/**
 * Moves the fee from the caller's balance to escrow and records the call, in one transaction:
 * refused with INSUFFICIENT_FUNDS (and nothing recorded) when the balance is short. A call already
 * recorded under this key is not charged again: a settled one is replayed, a reserved one (still
 * running elsewhere, or left by a crash) is run again and settled once, and a released one (its
 * attempt failed and was refunded) reserves anew.
 */
export async function reserveFee(deps: Deps, r: ReservationRequest): Promise<Reservation> {
  try {
    // A new key (the common case) goes through the app's reservation batcher: one statement,
    // group-committed with concurrent calls'.
    const fresh = await deps.inference.reservations.reserve(deps.sql, r);
    if (fresh) return fresh;
    return await deps.sql.begin(async (tx) => {
      const [fresh] = await tx<{ id: string }[]>`
        insert into inference_calls (caller_account_id, idempotency_key, request_hash, model_id, fee, seed, prompt)
        values (${r.callerAccountId}, ${r.idempotencyKey}, ${r.requestHash}, ${r.modelId}, ${r.fee.toString()},
          ${r.seed}, ${r.prompt})
        on conflict (caller_account_id, idempotency_key) do nothing
        returning id`;
      if (fresh) {
        await escrowFee(tx, deps, r, fresh.id, 1);
        return { state: 'reserved', callId: fresh.id, attempt: 1 };
      }
      const [prior] = await tx<{ id: string; request_hash: string; status: string; attempt: number }[]>`
        select id, request_hash, status, attempt from inference_calls
        where caller_account_id = ${r.callerAccountId} and idempotency_key = ${r.idempotencyKey} for update`;
      if (prior.request_hash !== r.requestHash) {
        throw new AppError(
          'CONFLICT',
          'This idempotency key was already used for a different request. Use a new key for a new request.',
        );
      }
      if (prior.status === 'settled') return { state: 'settled', callId: prior.id };
      if (prior.status === 'reserved') return { state: 'reserved', callId: prior.id, attempt: prior.attempt };
      const attempt = prior.attempt + 1;
      await tx`
        update inference_calls set status = 'reserved', attempt = ${attempt}, reserved_at = now(), error = null
        where id = ${prior.id}`;
      await escrowFee(tx, deps, r, prior.id, attempt);
      return { state: 'reserved', callId: prior.id, attempt };
    });
  } catch (error) {
    if ((error as { code?: string })?.code === '23503') {
      throw new AppError('NOT_FOUND', 'That account or model does not exist.');
    }
    if (isAppError(error) && (error.code === 'INSUFFICIENT_FUNDS' || error.code === 'NOT_FOUND')) {
      // NOT_FOUND here means the caller has never held a balance at all.
      throw new AppError(
        'INSUFFICIENT_FUNDS',
        `This model costs ${formatTokens(r.fee)} tokens per call and your balance is short. Top up your balance, then ask again.`,
        { fee: r.fee.toString() },
      );
    }
    throw error;
  }
}

async function escrowFee(
  tx: Parameters<typeof postTransaction>[0],
  deps: Deps,
  r: ReservationRequest,
  callId: string,
  attempt: number,
): Promise<void> {
  if (r.fee === 0n) return;
  await postTransaction(tx, {
    kind: 'inference_reserve',
    idempotencyKey: `inference:${callId}:reserve:${attempt}`,
    memo: { modelId: r.modelId, receiptId: callId },
    legs: [
      { ownerAccountId: r.callerAccountId, amount: -r.fee, role: 'payer' },
      { ledgerAccountId: inferenceEscrowOf(deps, callId), amount: r.fee },
    ],
  });
}
