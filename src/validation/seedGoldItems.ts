import { z } from 'zod';
import { markGold } from '../contributions/contributionStore.ts';
import { submitContributions } from '../contributions/submitContributions.ts';
import { datanetOwnerOf } from '../datanets/datanetStore.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  accountId: idSchema,
  datanetId: idSchema,
  items: z
    .array(z.object({ text: z.string(), approve: z.boolean().describe('the known right answer') }))
    .min(1)
    .max(100),
  idempotencyKey: z.string().min(1).max(200),
});
export type SeedGoldItemsParams = z.input<typeof params>;
export interface SeedGoldItemsResult {
  gold: { contributionId: string; approve: boolean }[];
  refused: { index: number; code: string; message: string }[];
}

/**
 * The datanet owner seeds items with a known answer. They go through the same checks, quota and
 * deposit as any contribution, so in the queue they look like any other item; they are then
 * marked gold: never decided, never in a training snapshot, only scored against the answer.
 */
export async function seedGoldItems(deps: Deps, input: SeedGoldItemsParams): Promise<SeedGoldItemsResult> {
  const p = parseInput(params, input);
  const owner = await datanetOwnerOf(deps.sql, p.datanetId);
  if (!owner) throw notFound('Datanet', p.datanetId);
  if (owner !== p.accountId) throw forbidden('Only the datanet owner can seed gold items.');
  const submitted = await submitContributions(deps, {
    accountId: p.accountId,
    datanetId: p.datanetId,
    idempotencyKey: `gold:${p.idempotencyKey}`,
    items: p.items.map((i) => ({ text: i.text })),
  });
  const answers = submitted.accepted.map((a) => ({
    id: a.contributionId,
    approve: p.items[a.index].approve,
  }));
  // Marked only while nobody has voted on it as an ordinary item (the moment after submitting).
  const marked = await markGold(
    deps.sql,
    answers,
    deps.sql`not exists (select 1 from votes v where v.contribution_id = c.id)`,
  );
  return {
    gold: marked
      .map((m) => ({ contributionId: m.id, approve: m.gold_answer }))
      .sort((a, b) => Number(a.contributionId) - Number(b.contributionId)),
    refused: submitted.refused.map((r) => ({ index: r.index, code: r.code, message: r.message })),
  };
}
