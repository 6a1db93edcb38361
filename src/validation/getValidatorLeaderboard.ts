import { z } from 'zod';
import { datanetExists } from '../datanets/datanetStore.ts';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type ValidatorRecord, validatorRecords } from './validatorRecords.ts';

const params = z.object({
  datanetId: idSchema,
  limit: z.number().int().min(1).max(100).default(20),
  /** Skips this many from the top: pages of `limit` (the bots page by 10). */
  offset: z.number().int().min(0).max(1000).default(0),
});

/**
 * A datanet's validators ranked by what honest work earned them, then by agreement with outcomes.
 * Only decided votes and past gold answers count, so the board reveals no open vote.
 */
export async function getValidatorLeaderboard(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ datanetId: string; validators: (ValidatorRecord & { rank: number })[]; hasMore: boolean }> {
  const p = parseInput(params, input);
  if (!(await datanetExists(deps.sql, p.datanetId))) throw notFound('Datanet', p.datanetId);
  const validators = await validatorRecords(
    deps.sql,
    deps.now(),
    deps.sql`s.datanet_id = ${p.datanetId} and (s.amount > 0 or v.decided > 0)`,
    deps.sql`v.earned desc, (case when v.decided = 0 then 0 else v.won::numeric / v.decided end) desc, v.decided desc, s.account_id`,
    // One past the page says whether another follows; boards are small, so no keyset is needed.
    p.offset + p.limit + 1,
  );
  const page = validators.slice(p.offset, p.offset + p.limit);
  // The board is public: a count that moved with an open vote would tell everyone who just voted
  // and how close a contribution is to its quorum. Only the validator's own status shows open votes.
  return {
    datanetId: p.datanetId,
    validators: page.map((v, i) => ({ ...v, rank: p.offset + i + 1, votesCast: v.votesDecided })),
    hasMore: validators.length > p.offset + p.limit,
  };
}
