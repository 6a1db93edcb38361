import type { Db } from '../db/openDatabase.ts';
import {
  CONTRIBUTION_COLUMNS,
  type Contribution,
  type ContributionRow,
  toContribution,
} from './contributionStore.ts';

/** Contribution reads for per-datanet boards, the dataset preview and activity charts. */

/** Contributors of a datanet by approved items, with how many have any. */
export async function topApprovedContributors(
  db: Db,
  input: { datanetId: string; limit: number; offset: number },
): Promise<{ total: number; rows: { accountId: string; approved: number }[] }> {
  const rows = await db<{ account_id: string; approved: string; total: string }[]>`
    select contributor_account_id as account_id, count(*) as approved, count(*) over () as total
    from contributions where datanet_id = ${input.datanetId} and status = 'approved'
    group by contributor_account_id
    order by count(*) desc, contributor_account_id
    limit ${input.limit} offset ${input.offset}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({ accountId: r.account_id, approved: Number(r.approved) })),
  };
}

/** Approved items of each of `accountIds` in one datanet (absent: none). */
export async function approvedCountsOf(
  db: Db,
  input: { datanetId: string; accountIds: string[] },
): Promise<Map<string, number>> {
  if (input.accountIds.length === 0) return new Map();
  const rows = await db<{ account_id: string; approved: string }[]>`
    select contributor_account_id as account_id, count(*) as approved from contributions
    where datanet_id = ${input.datanetId} and status = 'approved'
      and contributor_account_id = any(${input.accountIds}::bigint[])
    group by contributor_account_id`;
  return new Map(rows.map((r) => [r.account_id, Number(r.approved)]));
}

export interface ApprovedSummary {
  items: number;
  bytes: number;
  chars: number;
  contributors: number;
  languages: { language: string; items: number }[];
  /** Items per check-score decile: bucket i holds scores in [10i, 10i+10), the last includes 100. */
  scoreBuckets: number[];
}

/** Size, languages and check-score spread of a datanet's approved items. */
export async function approvedSummary(db: Db, datanetId: string): Promise<ApprovedSummary> {
  const [[totals], languages, buckets] = await Promise.all([
    db<{ items: string; bytes: string | null; chars: string | null; contributors: string }[]>`
      select count(*) as items, sum(bytes) as bytes, sum(chars) as chars,
        count(distinct contributor_account_id) as contributors
      from contributions where datanet_id = ${datanetId} and status = 'approved'`,
    db<{ language: string; items: string }[]>`
      select language, count(*) as items from contributions
      where datanet_id = ${datanetId} and status = 'approved'
      group by language order by count(*) desc, language`,
    db<{ bucket: number; items: string }[]>`
      select least(check_score / 10, 9)::int as bucket, count(*) as items from contributions
      where datanet_id = ${datanetId} and status = 'approved'
      group by 1`,
  ]);
  const scoreBuckets = new Array<number>(10).fill(0);
  for (const b of buckets) scoreBuckets[Math.max(0, Math.min(9, b.bucket))] += Number(b.items);
  return {
    items: Number(totals.items),
    bytes: Number(totals.bytes ?? 0),
    chars: Number(totals.chars ?? 0),
    contributors: Number(totals.contributors),
    languages: languages.map((l) => ({ language: l.language, items: Number(l.items) })),
    scoreBuckets,
  };
}

/**
 * A sample of approved items, spread evenly over the approval order (every k-th item) so it shows
 * the whole dataset rather than only its newest corner, and the same sample on every call.
 */
export async function sampleApproved(
  db: Db,
  input: { datanetId: string; size: number; language?: string },
): Promise<Contribution[]> {
  const language = input.language ?? null;
  const rows = await db<ContributionRow[]>`
    with approved as (
      select ${db.unsafe(CONTRIBUTION_COLUMNS)}, row_number() over (order by id) - 1 as n, count(*) over () as total
      from contributions
      where datanet_id = ${input.datanetId} and status = 'approved'
        and (${language}::text is null or language = ${language}::text)
    )
    select ${db.unsafe(CONTRIBUTION_COLUMNS)} from approved
    where n % greatest(1, total / ${input.size}) = 0
    order by id limit ${input.size}`;
  return rows.map(toContribution);
}

/** Per UTC day since `since`: items submitted, and items approved and rejected (by decision day). */
export async function contributionActivity(
  db: Db,
  input: { datanetId: string; since: Date },
): Promise<{ day: string; submitted: number; approved: number; rejected: number }[]> {
  const rows = await db<{ day: string; submitted: string; approved: string; rejected: string }[]>`
    with events as (
      select created_at as at, 'submitted' as what from contributions
      where datanet_id = ${input.datanetId} and created_at >= ${input.since}
      union all
      select decided_at, status from contributions
      where datanet_id = ${input.datanetId} and decided_at >= ${input.since} and status in ('approved', 'rejected')
    )
    select to_char(date_trunc('day', at at time zone 'UTC'), 'YYYY-MM-DD') as day,
      count(*) filter (where what = 'submitted') as submitted,
      count(*) filter (where what = 'approved') as approved,
      count(*) filter (where what = 'rejected') as rejected
    from events group by 1 order by 1`;
  return rows.map((r) => ({
    day: r.day,
    submitted: Number(r.submitted),
    approved: Number(r.approved),
    rejected: Number(r.rejected),
  }));
}
