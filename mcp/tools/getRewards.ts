import { z } from 'zod';
import { rewardsOut } from '../chainWireSchemas.ts';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';

export const getRewards = defineTool({
  name: 'get_rewards',
  title: 'Your rewards',
  description:
    'Your own rewards: balance, earned by role (contributor, validator, developer), committed to epochs, claimed, claimable on chain, and recent history. There is no way to read another account.',
  input: { historyLimit: z.number().int().min(0).max(200).default(20) },
  output: rewardsOut,
  annotations: READ_ONLY,
  run: (args, { app, auth }) => app.rewards.getRewards({ ...args, accountId: requireAccount(auth) }),
  render: (r) =>
    `Earned ${tokens(r.earned)} (${
      Object.entries(r.earnedByRole)
        .map(([role, amount]) => `${role} ${tokens(amount)}`)
        .join(', ') || 'nothing yet'
    }); ${tokens(r.available)} available; ${tokens(r.claimable)} claimable on chain` +
    (r.wallet ? ` by ${r.wallet}` : '; link a wallet to claim') +
    `; ${tokens(r.uncommitted)} waiting for the next epoch.`,
});
