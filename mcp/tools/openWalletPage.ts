import { z } from 'zod';
import { ADDITIVE, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { dateOut } from '../wireSchemas.ts';

export const openWalletPage = defineTool({
  name: 'open_wallet_page',
  title: 'Wallet page link',
  description:
    "A one-time link to this server's wallet page for a person with a browser wallet: 'link' connects the wallet and signs the Sign-In with Ethereum message there (no signature to copy); 'claim' sends the reward claim from the wallet with its proof. Give the link to the account's owner only: it acts for your account until it is used or expires.",
  input: { purpose: z.enum(['link', 'claim']).describe("'link' a wallet, or 'claim' rewards to it") },
  output: { url: z.string(), purpose: z.enum(['link', 'claim']), expiresAt: dateOut },
  annotations: ADDITIVE,
  run: (args, { app, auth }) =>
    app.walletPage.createLink({ accountId: requireAccount(auth), purpose: args.purpose, surface: 'mcp' }),
  render: (r) => `Open in a browser with the wallet before ${r.expiresAt} (works once): ${r.url}`,
});
