import { z } from 'zod';
import { submitContributions } from '../contributions/submitContributions.ts';
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
  const [d] = await deps.sql<{ owner_account_id: string }[]>`
    select owner_account_id from datanets where id = ${p.datanetId}`;
  if (!d) throw notFound('Datanet', p.datanetId);
  if (d.owner_account_id !== p.accountId) throw forbidden('Only the datanet owner can seed gold items.');
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
  const marked = await deps.sql<{ id: string; gold_answer: boolean }[]>`
    update contributions c set gold_answer = x.approve
    from jsonb_to_recordset(${deps.sql.json(answers as never)}) as x(id bigint, approve boolean)
    where c.id = x.id and (c.gold_answer is not null or
      (c.status = 'pending' and not exists (select 1 from votes v where v.contribution_id = c.id)))
    returning c.id, c.gold_answer`;
  return {
    gold: marked
      .map((m) => ({ contributionId: m.id, approve: m.gold_answer }))
      .sort((a, b) => Number(a.contributionId) - Number(b.contributionId)),
    refused: submitted.refused.map((r) => ({ index: r.index, code: r.code, message: r.message })),
  };
}
