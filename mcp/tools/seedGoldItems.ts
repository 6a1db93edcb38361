import { z } from 'zod';
import { ADDITIVE, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';

export const seedGoldItems = defineTool({
  name: 'seed_gold_items',
  title: 'Seed gold items (datanet owner)',
  description:
    'Adds items with a known right answer to your datanet. They enter the review queue like any contribution (same checks and deposit), are never decided or trained on, and measure each validator’s accuracy.',
  input: {
    datanetId: idInput('Datanet'),
    items: z
      .array(z.object({ text: z.string(), approve: z.boolean().describe('the right answer') }))
      .min(1)
      .max(100),
    idempotencyKey: idempotencyKeyInput,
  },
  output: {
    gold: z.array(z.object({ contributionId: z.string(), approve: z.boolean() })),
    refused: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
  },
  annotations: ADDITIVE,
  run: (args, { app, auth }) => app.validation.seedGold({ ...args, accountId: requireAccount(auth) }),
  render: ({ gold, refused }) =>
    `${gold.length} gold item(s) seeded${refused.length ? `; ${refused.length} refused: ${refused.map((r) => r.message).join('; ')}` : ''}.`,
});
