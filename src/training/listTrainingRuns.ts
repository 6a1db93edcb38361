import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { selectTrainingRuns, type TrainingRun } from './trainingRunStore.ts';

const params = z.object({
  datanetId: idSchema.optional(),
  developerAccountId: idSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

/** Newest first, optionally of one datanet and/or one developer. */
export async function listTrainingRuns(
  deps: Deps,
  input: z.input<typeof params> = {},
): Promise<TrainingRun[]> {
  const p = parseInput(params, input);
  const sql = deps.sql;
  return selectTrainingRuns(
    sql,
    sql`(${p.datanetId ?? null}::bigint is null or r.datanet_id = ${p.datanetId ?? null})
      and (${p.developerAccountId ?? null}::bigint is null or r.developer_account_id = ${p.developerAccountId ?? null})`,
    p.limit,
  );
}
