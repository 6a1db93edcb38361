import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { LANGUAGES, type Language } from './languages.ts';

const params = z.object({
  accountId: idSchema,
  /** null forgets the choice: the bots follow the person's Discord or Telegram language again. */
  language: z.enum(LANGUAGES).nullable(),
});

/** Stores the language an account wants the bots to answer in, on every surface at once. */
export async function setLanguage(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ language: Language | null }> {
  const p = parseInput(params, input);
  await deps.sql`update accounts set language = ${p.language} where id = ${p.accountId}`;
  return { language: p.language };
}
