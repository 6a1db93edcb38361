import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { modelOut } from '../modelWireSchemas.ts';
import { describeModel } from './getModel.ts';

export const listModels = defineTool({
  name: 'list_models',
  title: 'List models',
  description: 'Published models, oldest first, optionally of one datanet.',
  input: {
    datanetId: idInput('Datanet').optional(),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).default(0),
  },
  output: { models: z.array(modelOut) },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ models: await app.models.list(args) }),
  render: ({ models }) =>
    models.length === 0 ? 'No models published yet.' : models.map(describeModel).join('\n'),
});
