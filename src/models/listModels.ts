import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type PublishedModel, selectModels } from './modelStore.ts';

const params = z.object({
  datanetId: idSchema.optional(),
  developerAccountId: idSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

/** Published models, oldest first, optionally of one datanet and/or one developer. */
export async function listModels(deps: Deps, input: z.input<typeof params> = {}): Promise<PublishedModel[]> {
  const p = parseInput(params, input);
  const sql = deps.sql;
  return selectModels(
    sql,
    sql`(${p.datanetId ?? null}::bigint is null or m.datanet_id = ${p.datanetId ?? null})
      and (${p.developerAccountId ?? null}::bigint is null or m.developer_account_id = ${p.developerAccountId ?? null})`,
    p.limit,
    p.offset,
  );
}
