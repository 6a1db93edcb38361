import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { identitySchema } from './identity.ts';
import { isLanguage, type Language } from './languages.ts';

const params = z.object({ identity: identitySchema });

/**
 * The language an identity's account chose, or null (no choice, or no account yet). Read-only:
 * a /start or /help must be answered in the right language without creating an account.
 */
export async function getLanguage(deps: Deps, input: z.input<typeof params>): Promise<Language | null> {
  const p = parseInput(params, input);
  const [row] = await deps.sql<{ language: string | null }[]>`
    select a.language from identities i join accounts a on a.id = i.account_id where i.identity = ${p.identity}`;
  return row?.language && isLanguage(row.language) ? row.language : null;
}
