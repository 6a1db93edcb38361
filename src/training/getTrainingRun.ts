import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { selectTrainingRuns, type TrainingRun } from './trainingRunStore.ts';

const params = z.object({ runId: idSchema });

/** Runs are public like the data they train on: anyone may follow one's progress. */
export async function getTrainingRun(deps: Deps, input: z.input<typeof params>): Promise<TrainingRun> {
  const p = parseInput(params, input);
  const [run] = await selectTrainingRuns(deps.sql, deps.sql`r.id = ${p.runId}`);
  if (!run) throw notFound('Training run', p.runId);
  return run;
}
