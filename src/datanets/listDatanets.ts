import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type Datanet, selectDatanets } from './datanetStore.ts';

const params = z.object({
  /** Case-insensitive name prefix, for autocomplete. */
  search: z.string().trim().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

export async function listDatanets(deps: Deps, input: z.input<typeof params> = {}): Promise<Datanet[]> {
  const p = parseInput(params, input);
  const where = p.search
    ? deps.sql`lower(d.name) like ${`${p.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
    : deps.sql`true`;
  return selectDatanets(deps.sql, deps.contributionCounts, where, p.limit, p.offset);
}
