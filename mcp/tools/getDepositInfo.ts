import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';

export const getDepositInfo = defineTool({
  name: 'get_deposit_info',
  title: 'How to deposit tokens',
  description:
    'The vault, token and your account reference: approve the vault, then call RewardVault.deposit(amount, accountRef) to credit your balance after the confirmations.',
  input: {},
  output: {
    chainId: z.number().int(),
    token: z.string(),
    vault: z.string(),
    accountRef: z.string(),
    confirmations: z.number().int(),
  },
  annotations: READ_ONLY,
  run: (_args, { app, auth }) => app.chain.getDepositInfo({ accountId: requireAccount(auth) }),
  render: (d) =>
    `Approve ${d.vault} for token ${d.token}, then call deposit(amount, ${d.accountRef}) on chain ${d.chainId}; credited after ${d.confirmations} confirmation(s).`,
});
