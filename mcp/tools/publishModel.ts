import { z } from 'zod';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { amountInput, idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { modelOut, splitShape } from '../modelWireSchemas.ts';
import { describeModel } from './getModel.ts';

export const publishModel = defineTool({
  name: 'publish_model',
  title: 'Publish a model',
  description:
    'Publishes your succeeded training run as a paid model with a price per call and a revenue split (developer / data contributors / validators / protocol, basis points summing to 10000). Terms are immutable: new terms need a new model name.',
  input: {
    runId: idInput('Succeeded training run'),
    name: z.string().min(2).max(64),
    description: z.string().max(1000).optional(),
    pricePerCall: amountInput('Fee per call'),
    split: z.object(splitShape).strict().describe('basis points; the four parts must sum to 10000'),
    idempotencyKey: idempotencyKeyInput,
  },
  output: { model: modelOut, replayed: z.boolean() },
  annotations: ADDITIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.models.publish({ ...args, accountId: requireAccount(auth) }),
  render: ({ model, replayed }) =>
    `${replayed ? 'Already published. ' : 'Published. '}${describeModel(model)}`,
});
