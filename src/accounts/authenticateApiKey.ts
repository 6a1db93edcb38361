import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { parseApiKey, secretMatches } from './apiKeyFormat.ts';

const refused = () => new AppError('UNAUTHENTICATED', 'Invalid or revoked API key.');

/** The account an API key acts for. Unknown, malformed and revoked keys all get the same answer. */
export async function authenticateApiKey(
  deps: Deps,
  apiKey: string,
): Promise<{ accountId: string; keyId: string }> {
  const parsed = parseApiKey(apiKey ?? '');
  if (!parsed) throw refused();
  const [row] = await deps.sql<{ account_id: string; secret_hash: Buffer; revoked_at: Date | null }[]>`
    select account_id, secret_hash, revoked_at from api_keys where id = ${parsed.id}`;
  if (!row || row.revoked_at || !secretMatches(parsed.secret, row.secret_hash)) throw refused();
  return { accountId: row.account_id, keyId: parsed.id };
}
