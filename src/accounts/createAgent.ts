import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { createAccount } from './createAccount.ts';
import { type CreateApiKeyResult, createApiKey } from './createApiKey.ts';

const params = z.object({ name: z.string().trim().min(1).max(64) });
export type CreateAgentParams = z.input<typeof params>;
export type CreateAgentResult = CreateApiKeyResult & { accountId: string };

/** An account for an AI agent, reachable only through the API key returned here (shown once). */
export async function createAgent(deps: Deps, input: CreateAgentParams): Promise<CreateAgentResult> {
  const p = parseInput(params, input);
  const acct = await createAccount(deps.sql, 'agent', p.name);
  const key = await createApiKey(deps, { accountId: acct.id, name: p.name });
  return { accountId: acct.id, ...key };
}
