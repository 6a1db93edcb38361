import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { trainingRunOut } from '../modelWireSchemas.ts';
import { describeRun } from './getTrainingRun.ts';

export const cancelTrainingRun = defineTool({
  name: 'cancel_training_run',
  title: 'Cancel a training run',
  description: 'Cancels a queued or running training run you started. A finished run cannot be cancelled.',
  input: { runId: idInput('Training run') },
  output: { run: trainingRunOut },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: async (args, { app, auth }) => ({
    run: await app.training.cancel({ ...args, accountId: requireAccount(auth) }),
  }),
  render: ({ run }) => describeRun(run),
});
