import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';

export const revokeApiKey = defineTool({
  name: 'revoke_api_key',
  title: 'Revoke an API key',
  description:
    'Revokes one of your API keys for good (a leaked or retired one). Without keyId it revokes the key this session uses: the next call is refused.',
  input: {
    keyId: z
      .string()
      .regex(/^[a-z0-9]{16}$/, 'the 16-character key id (pl_<id>_…)')
      .optional()
      .describe('which of your keys; default: the one you are calling with'),
  },
  output: { keyId: z.string(), revoked: z.literal(true) },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: async ({ keyId }, { app, auth }) => {
    const accountId = requireAccount(auth);
    const id = keyId ?? auth.keyId;
    if (!id) throw new Error('unreachable: an account without a key');
    return { keyId: id, ...(await app.accounts.revokeApiKey({ accountId, keyId: id })) };
  },
  render: (r) => `Key ${r.keyId} is revoked; calls with it are refused from now on.`,
});
