import type postgres from 'postgres';
import type { Db, Sql } from '../db/openDatabase.ts';

export interface Contribution {
  id: string;
  datanetId: string;
  contributorAccountId: string;
  content: string;
  contentHash: string;
  bytes: number;
  chars: number;
  language: string;
  checkScore: number;
  checkProblems: string[];
  nearDuplicateOf: string | null;
  nearDuplicateSimilarity: number | null;
  source: string;
  deposit: bigint;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired';
  createdAt: Date;
  decidedAt: Date | null;
}

export interface ContributionRow {
  id: string;
  datanet_id: string;
  contributor_account_id: string;
  content: string;
  content_hash: string;
  bytes: number;
  chars: number;
  language: string;
  check_score: number;
  check_problems: string[];
  near_duplicate_of: string | null;
  near_duplicate_similarity: number | null;
  source: string;
  deposit: string;
  status: Contribution['status'];
  created_at: Date;
  decided_at: Date | null;
}

/** Columns to select for `toContribution` (everything but the MinHash signature). */
export const CONTRIBUTION_COLUMNS = `id, datanet_id, contributor_account_id, content, content_hash, bytes, chars, language,
  check_score, check_problems, near_duplicate_of, near_duplicate_similarity, source, deposit, status, created_at, decided_at`;

export function toContribution(r: ContributionRow): Contribution {
  return {
    id: r.id,
    datanetId: r.datanet_id,
    contributorAccountId: r.contributor_account_id,
    content: r.content,
    contentHash: r.content_hash,
    bytes: r.bytes,
    chars: r.chars,
    language: r.language,
    checkScore: r.check_score,
    checkProblems: r.check_problems,
    nearDuplicateOf: r.near_duplicate_of,
    nearDuplicateSimilarity: r.near_duplicate_similarity,
    source: r.source,
    deposit: BigInt(r.deposit),
    status: r.status,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

/*
 * The contributions area's queries that other areas need (contributions and contribution_bands
 * belong to src/contributions). Each takes the connection or transaction it is given, so callers
 * keep their transactions, row locks and lock order.
 */

/**
 * The table, for another area's statement that joins it (one statement keeps one snapshot, its
 * row locks and its order): every such reader names it through here, so all are found from here.
 */
export const contributionsTable = (db: Db) => db('contributions');

/**
 * A subquery of one datanet's contribution counts by status (gold items left out), for a lateral
 * join: pending, approved, rejected, withdrawn, contributors and bytes.
 */
export const datanetContributionCounts = (db: Db, datanetId: postgres.Fragment) => db`(
      select count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'approved') as approved,
             count(*) filter (where status = 'rejected') as rejected,
             count(*) filter (where status = 'withdrawn') as withdrawn,
             count(distinct contributor_account_id) filter (where status <> 'withdrawn') as contributors,
             coalesce(sum(bytes) filter (where status <> 'withdrawn'), 0) as bytes
      from contributions where datanet_id = ${datanetId} and gold_answer is null)`;

/** A scalar expression: the deposits locked in the account's pending contributions. */
export const pendingDepositsExpr = (db: Db, accountId: string) =>
  db`(select coalesce(sum(deposit), 0) from contributions where contributor_account_id = ${accountId} and status = 'pending')`;

/** Records a decision on a pending contribution (its row is locked by the caller). */
export async function markDecided(
  tx: Db,
  contributionId: string,
  status: 'approved' | 'rejected',
  at: Date,
): Promise<void> {
  await tx`update contributions set status = ${status}, decided_at = ${at} where id = ${contributionId}`;
}

/** Returns an undecided contribution whose review window closed: expired, and out of the duplicate index. */
export async function markExpired(tx: Db, contributionId: string, at: Date): Promise<void> {
  await tx`update contributions set status = 'expired', decided_at = ${at} where id = ${contributionId}`;
  await tx`delete from contribution_bands where contribution_id = ${contributionId}`;
}

/**
 * Marks contributions as gold items with their known answers, only where `unvoted` (a condition over
 * `c`, the contribution) holds or they are gold already; returns those marked.
 */
export async function markGold(
  db: Db,
  answers: { id: string; approve: boolean }[],
  unvoted: postgres.Fragment,
): Promise<{ id: string; gold_answer: boolean }[]> {
  return db<{ id: string; gold_answer: boolean }[]>`
    update contributions c set gold_answer = x.approve
    from jsonb_to_recordset(${db.json(answers as never)}) as x(id bigint, approve boolean)
    where c.id = x.id and (c.gold_answer is not null or (c.status = 'pending' and ${unvoted}))
    returning c.id, c.gold_answer`;
}

/** The approved, non-gold contributions of a datanet in id order: what a training snapshot holds. */
export async function approvedContributionsOf(
  db: Db,
  datanetId: string,
): Promise<
  { contribution_id: string; contributor_account_id: string; content_hash: string; datanet_id: string }[]
> {
  return db<
    { contribution_id: string; contributor_account_id: string; content_hash: string; datanet_id: string }[]
  >`
    select id as contribution_id, contributor_account_id, content_hash, datanet_id from contributions
    where datanet_id = ${datanetId} and status = 'approved' and gold_answer is null order by id`;
}

/** The text of contributions by id (any order). */
export async function contentsOf(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; content: string; content_hash: string }[]> {
  return db<{ id: string; content: string; content_hash: string }[]>`
    select id, content, content_hash from contributions where id = any(${ids as string[]}::bigint[])`;
}

/** Contributions by outcome, for the metrics endpoint. */
export function countContributionsByStatus(sql: Sql) {
  return sql<{ label: string; n: string }[]>`
    select status as label, count(*)::text as n from contributions group by status`;
}

/** Whether a contribution exists. */
export async function contributionExists(db: Db, contributionId: string): Promise<boolean> {
  const [c] = await db`select 1 from contributions where id = ${contributionId}`;
  return Boolean(c);
}

/** What a contribution's Merkle leaf is made of, for `ids`, in id order. */
export async function contributionLeavesOf(
  db: Db,
  ids: readonly string[],
): Promise<
  { contribution_id: string; contributor_account_id: string; content_hash: string; datanet_id: string }[]
> {
  return db<
    { contribution_id: string; contributor_account_id: string; content_hash: string; datanet_id: string }[]
  >`
    select id as contribution_id, contributor_account_id, content_hash, datanet_id from contributions
    where id = any(${ids as string[]}::bigint[]) order by id`;
}

// Reads for per-datanet boards, the dataset preview and activity charts (getContributorLeaderboard, previewDataset, getDatanetActivity).

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

export interface DecidedContribution {
  id: string;
  datanetId: string;
  status: 'approved' | 'rejected' | 'expired';
  decidedAt: Date;
}

/** An account's contributions decided (approved, rejected, returned on expiry) at or after `since`, oldest first. */
export async function decidedContributionsOf(
  db: Db,
  input: { accountId: string; since: Date; limit: number },
): Promise<DecidedContribution[]> {
  const rows = await db<
    { id: string; datanet_id: string; status: DecidedContribution['status']; decided_at: Date }[]
  >`
    select id, datanet_id, status, decided_at from contributions
    where contributor_account_id = ${input.accountId} and decided_at >= ${input.since}
      and status in ('approved', 'rejected', 'expired')
    order by decided_at, id limit ${input.limit}`;
  return rows.map((r) => ({ id: r.id, datanetId: r.datanet_id, status: r.status, decidedAt: r.decided_at }));
}
