import { z } from 'zod';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';
import { idSchema } from '../src/shared/ids.ts';
import { failTrainingRun } from '../src/training/failTrainingRun.ts';
import { recoverTrainingRuns } from '../src/training/recoverTrainingRuns.ts';
import { runTraining } from '../src/training/runTraining.ts';
import { trainingJobId } from '../src/training/startTrainingRun.ts';

/** Builds a training run's artifact. */
export const trainingRunJob: JobDefinition<'training.run'> = {
  name: 'training.run',
  schema: z.object({ runId: idSchema }),
  process: (deps, payload, ctx) =>
    runTraining(deps, { runId: payload.runId, signal: ctx.signal, reportProgress: ctx.reportProgress }),
  onFailed: async (deps, payload, error) => {
    await failTrainingRun(deps, { runId: payload.runId, reason: error.message.slice(0, 2000) });
  },
  recover: async (deps, options) =>
    (await recoverTrainingRuns(deps, options)).map((runId) => ({
      payload: { runId },
      jobId: trainingJobId(runId),
    })),
};
