import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ runId: idSchema, reason: z.string().max(2000) });

/**
 * Called by the queue when a run's job will not be tried again (attempts exhausted or a permanent
 * error). A run that already finished is left as it is.
 */
export async function failTrainingRun(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ failed: boolean }> {
  const p = parseInput(params, input);
  const rows = await deps.sql`
    update training_runs set status = 'failed', error = ${p.reason}, finished_at = now(), updated_at = now(),
      heartbeat_at = null, progress_message = 'Failed'
    where id = ${p.runId} and status in ('queued', 'running') returning 1`;
  if (rows.length > 0) deps.log.warn('training run failed', { runId: p.runId, reason: p.reason });
  return { failed: rows.length > 0 };
}
