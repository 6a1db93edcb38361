import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { hashSecret, newApiKey } from './apiKeyFormat.ts';

const params = z.object({ accountId: idSchema, name: z.string().trim().max(64).default('') });
export type CreateApiKeyParams = z.input<typeof params>;
export interface CreateApiKeyResult {
  keyId: string;
  /** Shown once: only its hash is stored. */
  apiKey: string;
  identity: string;
}

/** An API key for an agent or a person's MCP client; the account gains identity `apikey:<id>`. */
export async function createApiKey(deps: Deps, input: CreateApiKeyParams): Promise<CreateApiKeyResult> {
  const p = parseInput(params, input);
  const { id, secret, key } = newApiKey();
  await deps.sql.begin(async (tx) => {
    const [acct] = await tx`select 1 from accounts where id = ${p.accountId} and merged_into is null`;
    if (!acct) throw notFound('Account', p.accountId);
    await tx`insert into api_keys (id, account_id, name, secret_hash) values (${id}, ${p.accountId}, ${p.name}, ${hashSecret(secret)})`;
    await tx`insert into identities (identity, account_id) values (${`apikey:${id}`}, ${p.accountId})`;
  });
  deps.log.info('api key created', { accountId: p.accountId, keyId: id });
  return { keyId: id, apiKey: key, identity: `apikey:${id}` };
}
