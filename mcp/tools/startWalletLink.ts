import { z } from 'zod';
import { ADDITIVE, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { dateOut } from '../wireSchemas.ts';

export const startWalletLink = defineTool({
  name: 'start_wallet_link',
  title: 'Link a wallet (step 1)',
  description:
    'Returns a Sign-In with Ethereum (EIP-4361) message for your wallet address. Sign it unchanged with that wallet (personal_sign) and pass the signature to finish_wallet_link before it expires. Rewards are claimed to the linked wallet.',
  input: { address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed wallet address') },
  output: {
    message: z.string(),
    address: z.string(),
    nonce: z.string(),
    chainId: z.number().int(),
    expiresAt: dateOut,
  },
  annotations: ADDITIVE,
  run: (args, { app, auth }) => app.wallets.startLink({ ...args, accountId: requireAccount(auth) }),
  render: (r) =>
    `Sign this message with ${r.address} before ${r.expiresAt}, then call finish_wallet_link:\n\n${r.message}`,
});
