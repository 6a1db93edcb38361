import { z } from 'zod';
import { ADDITIVE, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';
import { dateOut } from '../wireSchemas.ts';

export const createLinkCode = defineTool({
  name: 'create_link_code',
  title: 'Link Discord or Telegram',
  description:
    'A one-time code that joins your Discord or Telegram identity to this account when you send it to the Potluck bot there with /link.',
  input: {},
  output: { code: z.string(), expiresAt: dateOut },
  annotations: ADDITIVE,
  run: (_args, { app, auth }) => app.accounts.createLinkCode({ accountId: requireAccount(auth) }),
  render: (r) => `Send "/link ${r.code}" to the Potluck bot in Discord or Telegram before ${r.expiresAt}.`,
});
