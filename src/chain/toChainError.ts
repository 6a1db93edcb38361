import { BaseError, ContractFunctionRevertedError } from 'viem';
import { AppError, isAppError } from '../errors.ts';

/**
 * Wraps a viem or provider failure as `AppError('CHAIN_ERROR')`. A contract revert keeps its custom error
 * name and arguments in `details` (e.g. `{ revert: 'BatchConflict' }`) so callers such as the outbox can
 * branch on it; everything else keeps viem's short message, and the original error stays as `cause`.
 */
export function toChainError(err: unknown, action: string, details: Record<string, unknown> = {}): AppError {
  if (isAppError(err)) return err;
  if (err instanceof BaseError) {
    const revert = err.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      const name = revert.data?.errorName ?? revert.reason ?? 'unknown reason';
      const args = (revert.data?.args ?? []).map((a) => (typeof a === 'bigint' ? a.toString() : a));
      return new AppError(
        'CHAIN_ERROR',
        `${action} was rejected by the contract (${name}).`,
        { ...details, revert: name, args },
        { cause: err },
      );
    }
    return new AppError('CHAIN_ERROR', `${action} failed on chain: ${err.shortMessage}`, details, {
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('CHAIN_ERROR', `${action} failed on chain: ${message}`, details, { cause: err });
}
