import { z } from 'zod';
import {
  CONTRIBUTION_COLUMNS,
  type Contribution,
  type ContributionRow,
  contributionsTable,
  toContribution,
} from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  accountId: idSchema,
  datanetId: idSchema,
  limit: z.number().int().min(1).max(100).default(10),
});
export interface ReviewItem {
  contribution: Contribution;
  /** When the review window closes; undecided by then, it is decided on the votes present or returned. */
  closesAt: Date;
  /** The earlier contribution this one nearly duplicates, for the validator to compare. */
  nearDuplicate: { contributionId: string; similarity: number; content: string } | null;
}

/**
 * Pending contributions this validator may still vote on: not their own, not already voted, window
 * still open, oldest first. No tally and no other vote: votes stay sealed until the outcome, so
 * nobody can copy them. Gold items are mixed in and look like any other item.
 */
export async function listReviewQueue(deps: Deps, input: z.input<typeof params>): Promise<ReviewItem[]> {
  const p = parseInput(params, input);
  const rows = await deps.sql<
    (ContributionRow & { closes_at: Date; window_s: number; original: string | null })[]
  >`
    select ${deps.sql.unsafe(CONTRIBUTION_COLUMNS.replace(/(\w+)/g, 'c.$1'))},
      c.created_at + make_interval(secs => d.review_window_seconds) as closes_at, d.review_window_seconds as window_s,
      (select o.content from ${contributionsTable(deps.sql)} o where o.id = c.near_duplicate_of) as original
    from ${contributionsTable(deps.sql)} c join ${datanetsTable(deps.sql)} d on d.id = c.datanet_id
    where c.datanet_id = ${p.datanetId} and c.status = 'pending' and c.contributor_account_id <> ${p.accountId}
      and (c.gold_answer is not null or c.created_at + make_interval(secs => d.review_window_seconds) > ${deps.now()})
      and not exists (select 1 from votes v where v.contribution_id = c.id and v.validator_account_id = ${p.accountId})
      and not exists (select 1 from gold_votes g where g.contribution_id = c.id and g.validator_account_id = ${p.accountId})
    order by c.id
    limit ${p.limit}`;
  return rows.map((r) => ({
    contribution: toContribution(r),
    closesAt: closesAt(new Date(r.closes_at), r.window_s * 1000, deps.now()),
    nearDuplicate:
      r.near_duplicate_of && r.original !== null
        ? {
            contributionId: r.near_duplicate_of,
            similarity: r.near_duplicate_similarity ?? 0,
            content: r.original,
          }
        : null,
  }));
}

/**
 * Gold items never close; past their first window they roll on by whole windows, so their
 * closing time looks like that of an item submitted since, never like a telltale constant.
 */
function closesAt(first: Date, windowMs: number, now: Date): Date {
  if (first > now) return first;
  const windows = Math.floor((now.getTime() - first.getTime()) / windowMs) + 1;
  return new Date(first.getTime() + windows * windowMs);
}
