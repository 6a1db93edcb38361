import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const getBalance = defineTool({
  name: 'get_balance',
  title: 'Your balance',
  description:
    'Your own balance: available, staked, locked in deposits, and everything earned per role. There is no way to read another account.',
  input: {},
  output: {
    accountId: z.string(),
    available: amountOut,
    staked: amountOut,
    inDeposits: amountOut,
    earnedByRole: z.record(z.string(), amountOut).describe('contributor, validator, developer'),
  },
  annotations: READ_ONLY,
  run: (_args, { app, auth }) => app.ledger.getBalance({ accountId: requireAccount(auth) }),
  render: (b) =>
    `Account ${b.accountId}: ${tokens(b.available)} available, ${tokens(b.staked)} staked, ${tokens(b.inDeposits)} in deposits.` +
    Object.entries(b.earnedByRole)
      .map(([role, amount]) => ` Earned as ${role}: ${tokens(amount)}.`)
      .join(''),
});
