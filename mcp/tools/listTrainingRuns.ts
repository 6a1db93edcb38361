import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { trainingRunOut } from '../modelWireSchemas.ts';
import { describeRun } from './getTrainingRun.ts';

export const listTrainingRuns = defineTool({
  name: 'list_training_runs',
  title: 'List training runs',
  description: 'Training runs, newest first: of one datanet, and/or only your own (mine: true).',
  input: {
    datanetId: idInput('Datanet').optional(),
    mine: z.boolean().default(false).describe('only runs you started'),
    limit: z.number().int().min(1).max(100).default(20),
  },
  output: { runs: z.array(trainingRunOut) },
  annotations: READ_ONLY,
  run: async (args, { app, auth }) => ({
    runs: await app.training.list({
      datanetId: args.datanetId,
      developerAccountId: args.mine ? requireAccount(auth) : undefined,
      limit: args.limit,
    }),
  }),
  render: ({ runs }) => (runs.length === 0 ? 'No training runs.' : runs.map(describeRun).join('\n')),
});
