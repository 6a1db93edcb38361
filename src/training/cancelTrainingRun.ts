import { z } from 'zod';
import { forbidden, invalidState, notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { selectTrainingRuns, type TrainingRun } from './trainingRunStore.ts';

const params = z.object({ accountId: idSchema, runId: idSchema });

/**
 * Only the developer who started a run may cancel it. A queued run never starts; a running one
 * stops at its next progress checkpoint, when the worker finds its lease gone.
 */
export async function cancelTrainingRun(deps: Deps, input: z.input<typeof params>): Promise<TrainingRun> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const [row] = await tx<{ developer_account_id: string; status: string }[]>`
      select developer_account_id, status from training_runs where id = ${p.runId} for update`;
    if (!row) throw notFound('Training run', p.runId);
    if (row.developer_account_id !== p.accountId) {
      throw forbidden('Only the developer who started this training run can cancel it.');
    }
    if (row.status !== 'queued' && row.status !== 'running') {
      throw invalidState(`This training run already ${row.status === 'succeeded' ? 'succeeded' : 'ended'}.`, {
        status: row.status,
      });
    }
    await tx`
      update training_runs set status = 'cancelled', finished_at = now(), updated_at = now(),
        heartbeat_at = null, progress_message = 'Cancelled'
      where id = ${p.runId}`;
    const [run] = await selectTrainingRuns(tx, tx`r.id = ${p.runId}`);
    return run;
  });
}
