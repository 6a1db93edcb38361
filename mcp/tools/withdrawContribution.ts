import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const withdrawContribution = defineTool({
  name: 'withdraw_contribution',
  title: 'Withdraw a contribution',
  description:
    'Takes back one of your own contributions while it is still pending, refunding its deposit. Repeating it is harmless.',
  input: { contributionId: idInput('Contribution') },
  output: { contributionId: z.string(), status: z.literal('withdrawn'), refunded: amountOut },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.contributions.withdraw({ ...args, accountId: requireAccount(auth) }),
  render: (r) => `Contribution #${r.contributionId} withdrawn; ${tokens(r.refunded)} refunded.`,
});
