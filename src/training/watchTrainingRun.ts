import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { getTrainingRun } from './getTrainingRun.ts';
import { isFinished, type TrainingRun } from './trainingRunStore.ts';

const params = z.object({
  runId: idSchema,
  intervalMs: z.number().int().min(1).max(60_000).default(500),
});

/**
 * Yields the run now and again whenever its status, progress or message changes, ending once it
 * has finished: what a surface needs to edit a progress message in place. It reads the run row,
 * so it follows builds on any worker, with or without Redis.
 */
export async function* watchTrainingRun(
  deps: Deps,
  input: z.input<typeof params> & { signal?: AbortSignal },
): AsyncGenerator<TrainingRun> {
  const p = parseInput(params, { runId: input.runId, intervalMs: input.intervalMs });
  let last = '';
  while (!input.signal?.aborted) {
    const run = await getTrainingRun(deps, { runId: p.runId });
    const key = `${run.status}|${run.progress}|${run.progressMessage}`;
    if (key !== last) {
      last = key;
      yield run;
    }
    if (isFinished(run.status)) return;
    await new Promise((resolve) => setTimeout(resolve, p.intervalMs));
  }
}
