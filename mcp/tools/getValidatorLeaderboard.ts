import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { describeRecord, validatorRecordOut } from './validatorRecordOut.ts';

export const getValidatorLeaderboard = defineTool({
  name: 'get_validator_leaderboard',
  title: "A datanet's validator leaderboard",
  description:
    'Validators of a datanet ranked by earnings, then agreement with outcomes; with gold accuracy and votes. Only decided votes count.',
  input: {
    datanetId: idInput('Datanet'),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(1000).default(0).describe('skip this many: pages of `limit`'),
  },
  output: {
    datanetId: z.string(),
    validators: z.array(z.object({ rank: z.number().int(), ...validatorRecordOut })),
    hasMore: z.boolean(),
  },
  annotations: READ_ONLY,
  run: (args, { app }) => app.validation.leaderboard(args),
  render: ({ validators }) =>
    validators.length === 0
      ? 'No validators here yet.'
      : validators
          .map((v) => `${v.rank}. ${v.displayName || `account #${v.accountId}`}: ${describeRecord(v)}`)
          .join('\n'),
});
