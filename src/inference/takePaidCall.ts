import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';

/**
 * Counts one paid call against the account's PAID_CALLS_PER_MINUTE, or refuses it with
 * RATE_LIMITED. Called by the use case, so Discord, Telegram, MCP (single or batched) and any
 * number of API keys share one limit per account. Per process, like the MCP transport limit.
 */
export function takePaidCall(deps: Deps, accountId: string): void {
  const perMinute = deps.config.inference.paidCallsPerMinute;
  const taken = deps.inference.paidCalls(perMinute).take(accountId);
  if (taken.ok) return;
  throw new AppError(
    'RATE_LIMITED',
    `Too many paid calls from this account (at most ${perMinute} a minute); try again in ${taken.retryAfterSeconds}s.`,
    { retryAfterSeconds: taken.retryAfterSeconds, perMinute },
  );
}
