import { z } from 'zod';
import { idSchema } from '../accounts/identity.ts';
import {
  CONTRIBUTION_COLUMNS,
  type Contribution,
  type ContributionRow,
  toContribution,
} from '../contributions/contributionView.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  accountId: idSchema,
  datanetId: idSchema,
  limit: z.number().int().min(1).max(100).default(10),
});
export interface ReviewItem {
  contribution: Contribution;
  votes: number;
  approveWeight: bigint;
  rejectWeight: bigint;
  /** The earlier contribution this one nearly duplicates, for the validator to compare. */
  nearDuplicate: { contributionId: string; similarity: number; content: string } | null;
}

/** Pending contributions this validator may still vote on: not their own, not already voted, oldest first. */
export async function listReviewQueue(deps: Deps, input: z.input<typeof params>): Promise<ReviewItem[]> {
  const p = parseInput(params, input);
  const rows = await deps.sql<
    (ContributionRow & { votes: string; approve_w: string; reject_w: string; original: string | null })[]
  >`
    select ${deps.sql.unsafe(CONTRIBUTION_COLUMNS.replace(/(\w+)/g, 'c.$1'))},
      (select count(*) from votes v where v.contribution_id = c.id) as votes,
      (select coalesce(sum(weight), 0) from votes v where v.contribution_id = c.id and v.approve) as approve_w,
      (select coalesce(sum(weight), 0) from votes v where v.contribution_id = c.id and not v.approve) as reject_w,
      (select o.content from contributions o where o.id = c.near_duplicate_of) as original
    from contributions c
    where c.datanet_id = ${p.datanetId} and c.status = 'pending' and c.contributor_account_id <> ${p.accountId}
      and not exists (select 1 from votes v where v.contribution_id = c.id and v.validator_account_id = ${p.accountId})
    order by c.id
    limit ${p.limit}`;
  return rows.map((r) => ({
    contribution: toContribution(r),
    votes: Number(r.votes),
    approveWeight: BigInt(r.approve_w),
    rejectWeight: BigInt(r.reject_w),
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
