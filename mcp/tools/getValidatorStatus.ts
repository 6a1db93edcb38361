import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';
import { describeRecord, validatorRecordOut } from './validatorRecordOut.ts';

export const getValidatorStatus = defineTool({
  name: 'get_validator_status',
  title: 'Your validator status',
  description:
    'Your stakes and reputation per datanet: votes, agreement with outcomes, gold accuracy, earnings. Never a tally or another vote.',
  input: {},
  output: {
    stakes: z.array(
      z.object({
        ...validatorRecordOut,
        datanetName: z.string(),
        minStake: amountOut,
        openVotes: z.number().int(),
      }),
    ),
  },
  annotations: READ_ONLY,
  run: (_args, { app, auth }) => app.validation.status({ accountId: requireAccount(auth) }),
  render: ({ stakes }) =>
    stakes.length === 0
      ? 'You are not a validator anywhere yet.'
      : stakes
          .map(
            (s) =>
              `#${s.datanetId} ${s.datanetName}: ${tokens(s.staked)} staked, ${s.openVotes} open; ${describeRecord(s)}`,
          )
          .join('\n'),
});
