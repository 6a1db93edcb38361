import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { isRowId } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type PublishedModel, selectModels } from './modelStore.ts';

const params = z.object({
  /** An id, or a name (case-insensitive) as people type it in a bot. */
  model: z.union([z.string().trim().min(1).max(64), z.number().int().positive().transform(String)]),
});

/** Models are public: their terms (the app adds their usage and earnings from src/inference). */
export async function getModel(deps: Deps, input: z.input<typeof params>): Promise<PublishedModel> {
  const p = parseInput(params, input);
  const isId = isRowId(p.model);
  const [model] = await selectModels(
    deps.sql,
    isId ? deps.sql`m.id = ${p.model}` : deps.sql`lower(m.name) = lower(${p.model})`,
  );
  if (!model) throw notFound('Model', p.model);
  return model;
}
