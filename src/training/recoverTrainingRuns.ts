import type { Deps } from '../shared/deps.ts';

/**
 * Runs a queue should (re)enqueue at boot: queued ones whose job may have been lost between commit
 * and enqueue, and running ones whose worker died. With `exclusive` (this process alone owns the
 * database, as with embedded PGlite) no other worker can be alive, so their leases are dropped now
 * instead of waiting for them to go stale.
 */
export async function recoverTrainingRuns(deps: Deps, input: { exclusive: boolean }): Promise<string[]> {
  if (input.exclusive) {
    await deps.sql`update training_runs set heartbeat_at = null where status = 'running'`;
  }
  const rows = await deps.sql<{ id: string }[]>`
    select id from training_runs where status in ('queued', 'running') order by id`;
  return rows.map((r) => r.id);
}
