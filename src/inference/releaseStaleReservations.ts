import type { Deps } from '../shared/deps.ts';
import { releaseReservation } from './releaseReservation.ts';

/**
 * Refunds fees still reserved long after their call began: the process running it died between
 * reserving and settling. A late settle of such a call is refused and the caller retries.
 */
export async function releaseStaleReservations(
  deps: Deps,
  input: { limit?: number },
): Promise<{ released: number }> {
  const timeout = deps.config.inference.reservationTimeoutSeconds;
  const cutoff = new Date(deps.now().getTime() - timeout * 1000);
  const rows = await deps.sql<{ id: string; attempt: number }[]>`
    select id, attempt from inference_calls where status = 'reserved' and reserved_at < ${cutoff}
    order by reserved_at limit ${input.limit ?? 1000}`;
  let released = 0;
  for (const r of rows) {
    if (
      await releaseReservation(deps, {
        callId: r.id,
        attempt: r.attempt,
        reason: 'Timed out before settling.',
      })
    ) {
      released += 1;
    }
  }
  if (released > 0) deps.log.warn('stale inference reservations refunded', { released });
  return { released };
}
