import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const getValidatorStatus = defineTool({
  name: 'get_validator_status',
  title: 'Your validator status',
  description: 'Your stakes and voting record per datanet.',
  input: {},
  output: {
    stakes: z.array(
      z.object({
        datanetId: z.string(),
        datanetName: z.string(),
        staked: amountOut,
        minStake: amountOut,
        openVotes: z.number().int(),
        votesCast: z.number().int(),
        votesWon: z.number().int(),
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
              `#${s.datanetId} ${s.datanetName}: ${tokens(s.staked)} staked, ${s.votesCast} votes (${s.votesWon} on the winning side, ${s.openVotes} open)`,
          )
          .join('\n'),
});
