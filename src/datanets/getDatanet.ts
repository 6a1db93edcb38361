import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { isRowId } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type Datanet, selectDatanets } from './datanetStore.ts';

const params = z.object({
  /** An id, or a name (case-insensitive) as people type it in a bot. */
  datanet: z.union([z.string().trim().min(1).max(64), z.number().int().positive().transform(String)]),
});

export async function getDatanet(deps: Deps, input: z.input<typeof params>): Promise<Datanet> {
  const p = parseInput(params, input);
  const isId = isRowId(p.datanet);
  const [found] = await selectDatanets(
    deps.sql,
    deps.contributionCounts,
    isId ? deps.sql`d.id = ${p.datanet}` : deps.sql`lower(d.name) = lower(${p.datanet})`,
    1,
  );
  if (!found) throw notFound('Datanet', p.datanet);
  return found;
}
