import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ accountId: idSchema, keyId: z.string().regex(/^[a-z0-9]{16}$/) });

/** Revokes one of the caller's own keys; someone else's key looks the same as a missing one. */
export async function revokeApiKey(deps: Deps, input: z.input<typeof params>): Promise<{ revoked: true }> {
  const p = parseInput(params, input);
  const rows = await deps.sql`
    update api_keys set revoked_at = coalesce(revoked_at, now())
    where id = ${p.keyId} and account_id = ${p.accountId} returning 1`;
  if (rows.length === 0) throw notFound('API key', p.keyId);
  return { revoked: true };
}
