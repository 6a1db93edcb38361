import { claimOut } from '../chainWireSchemas.ts';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';

export const getClaim = defineTool({
  name: 'get_claim',
  title: 'Your claim proof',
  description:
    'What you can claim on chain now, to your linked wallet, with the Merkle proof for RewardVault.claim(epoch, wallet, cumulativeAmount, proof). Send it from any wallet; the vault pays your linked one.',
  input: {},
  output: claimOut,
  annotations: READ_ONLY,
  run: (_args, { app, auth }) => app.rewards.getClaim({ accountId: requireAccount(auth) }),
  render: (c) =>
    `Claimable now: ${tokens(c.amount)} to ${c.wallet} (epoch ${c.epoch}, cumulative ${tokens(c.cumulativeAmount)}) ` +
    `from vault ${c.vault} on chain ${c.chainId}.`,
});
