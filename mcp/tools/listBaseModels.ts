import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';

export const listBaseModels = defineTool({
  name: 'list_base_models',
  title: 'List base models',
  description:
    'The base models this server offers for training (start_training_run options.baseModel takes one of these names).',
  input: {},
  output: {
    baseModels: z.array(z.object({ name: z.string(), format: z.enum(['gguf', 'transformers']) })),
  },
  annotations: READ_ONLY,
  run: async (_args, { app }) => app.training.listBaseModels(),
  render: ({ baseModels }) =>
    baseModels.length === 0
      ? 'No base models are installed; training uses the ∞-gram alone.'
      : baseModels.map((m) => `${m.name} (${m.format})`).join('\n'),
});
