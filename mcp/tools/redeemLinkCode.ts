import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';

export const redeemLinkCode = defineTool({
  name: 'redeem_link_code',
  title: 'Join this key to another account',
  description:
    "Redeems a one-time code from /link in Discord or Telegram (or create_link_code): this API key joins that account, and if the key's own account holds nothing but a balance, the balance, keys and roles move over with it. Retrying the same code changes nothing.",
  input: { code: z.string().trim().min(6).max(32).describe('the one-time code') },
  output: {
    accountId: z.string().describe('the account this key now acts for'),
    alreadyLinked: z.boolean(),
  },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: ({ code }, { app, auth }) => {
    requireAccount(auth);
    // A key's identity is `apikey:<id>` (createApiKey): the code joins that identity, with its key.
    return app.accounts.redeemLinkCode({ identity: `apikey:${auth.keyId}`, code });
  },
  render: (r) =>
    r.alreadyLinked
      ? `This key already acts for account #${r.accountId}.`
      : `This key now acts for account #${r.accountId}.`,
});
