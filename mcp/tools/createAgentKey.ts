import { z } from 'zod';
import { ADDITIVE, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';

/**
 * Onboarding while the service runs: the embedded database is one process's, so `potluck agent
 * create` cannot open it then; a key holder makes further keys here instead.
 */
export const createAgentKey = defineTool({
  name: 'create_agent_key',
  title: 'New API key for an agent',
  description:
    'A new API key that acts for your account, for another agent or machine (Authorization: Bearer, or POTLUCK_API_KEY for potluck mcp). Shown once: store it now. Anyone holding it can spend your balance.',
  input: {
    name: z
      .string()
      .trim()
      .max(64)
      .default('')
      .describe('A label to tell your keys apart, e.g. "laptop claude"'),
  },
  output: { keyId: z.string(), apiKey: z.string(), identity: z.string() },
  annotations: ADDITIVE,
  run: (args, { app, auth }) =>
    app.accounts.createApiKey({ accountId: requireAccount(auth), name: args.name }),
  render: (k) => `API key ${k.keyId} created (shown once, store it now): ${k.apiKey}`,
});
