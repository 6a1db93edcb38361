import { z } from 'zod';
import { ADDITIVE, defineTool } from '../defineTool.ts';
import { amountInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { datanetOut } from '../wireSchemas.ts';
import { describeDatanet } from './getDatanet.ts';

export const createDatanet = defineTool({
  name: 'create_datanet',
  title: 'Create a datanet',
  description:
    'Creates a datanet you own. Unset rules take the server defaults. Names are unique: a taken name is refused with DUPLICATE.',
  input: {
    name: z.string().min(2).max(64).describe('letters, digits, spaces, _ . or -'),
    description: z.string().max(2000).optional(),
    languages: z
      .array(z.string())
      .max(20)
      .optional()
      .describe('ISO 639-1 codes such as ["fa"]; empty accepts any'),
    deposit: amountInput('Deposit per contribution').optional(),
    minStake: amountInput('Minimum validator stake').optional(),
    quorumVotes: z.number().int().min(1).max(1000).optional(),
    approvalBps: z
      .number()
      .int()
      .min(5001)
      .max(10_000)
      .optional()
      .describe('share of stake weight that decides'),
    dailyItems: z.number().int().min(1).optional().describe('per contributor per UTC day'),
    dailyBytes: z.number().int().min(1).optional().describe('per contributor per UTC day'),
    validationReward: amountInput('Reward per decision, paid from the pool').optional(),
    reviewWindowSeconds: z
      .number()
      .int()
      .min(60)
      .optional()
      .describe('how long an item stays open (default 7 days)'),
    expiryDecides: z
      .boolean()
      .optional()
      .describe('decide on the votes present at the close (default) or return it'),
    lossBps: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('stake a losing vote forfeits (default 100 = 1%)'),
    poolCutBps: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('protocol cut share refilling the pool'),
    goldMinAccuracyBps: z.number().int().min(0).max(10_000).optional(),
    goldMinAnswers: z.number().int().min(1).optional(),
  },
  output: { datanet: datanetOut },
  annotations: ADDITIVE,
  run: async (args, { app, auth }) => ({
    datanet: await app.datanets.create({ ...args, ownerAccountId: requireAccount(auth) }),
  }),
  render: ({ datanet }) => `Created.\n${describeDatanet(datanet)}`,
});
