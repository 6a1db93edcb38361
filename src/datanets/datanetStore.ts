import type postgres from 'postgres';
import type { Db } from '../db/openDatabase.ts';
import { poolBalanceExpr } from '../ledger/ledgerStore.ts';

/**
 * The datanets area's queries (the datanets table belongs to src/datanets). Each takes the
 * connection or transaction it is given, so callers keep their transactions and locks.
 */

/**
 * The table, for another area's statement that joins it (one statement keeps one snapshot, its
 * row locks and its order): every such reader names it through here, so all are found from here.
 */
export const datanetsTable = (db: Db) => db('datanets');

export interface Datanet {
  id: string;
  name: string;
  description: string;
  contentType: string;
  languages: string[];
  ownerAccountId: string;
  deposit: bigint;
  minStake: bigint;
  quorumVotes: number;
  approvalBps: number;
  dailyItems: number;
  dailyBytes: number;
  validationReward: bigint;
  /** Validation rules of issue 16: review window, losing-side penalty, pool refill, gold threshold. */
  reviewWindowSeconds: number;
  expiryDecides: boolean;
  lossBps: number;
  poolCutBps: number;
  goldMinAccuracyBps: number;
  goldMinAnswers: number;
  poolBalance: bigint;
  counts: {
    pending: number;
    approved: number;
    rejected: number;
    withdrawn: number;
    contributors: number;
    bytes: number;
  };
  createdAt: Date;
}

interface Row {
  id: string;
  name: string;
  description: string;
  content_type: string;
  languages: string[];
  owner_account_id: string;
  deposit: string;
  min_stake: string;
  quorum_votes: number;
  approval_bps: number;
  daily_items: number;
  daily_bytes: string;
  validation_reward: string;
  review_window_seconds: number;
  expiry_decides: boolean;
  loss_bps: number;
  pool_cut_bps: number;
  gold_min_accuracy_bps: number;
  gold_min_answers: number;
  pool_balance: string;
  pending: string;
  approved: string;
  rejected: string;
  withdrawn: string;
  contributors: string;
  bytes: string;
  created_at: Date;
}

/**
 * A lateral subquery of one datanet's contribution counts (pending, approved, rejected, withdrawn,
 * contributors, bytes). The contributions store writes it (it owns that table) and createApp lends it
 * as deps.contributionCounts: contributions reads datanets, so datanets must not import contributions.
 */
export type ContributionCountsOf = (db: Db, datanetId: postgres.Fragment) => postgres.Fragment;

/** Datanets with their live counts; `where` is a fragment over `d`. */
export async function selectDatanets(
  db: Db,
  counts: ContributionCountsOf,
  where: postgres.Fragment,
  limit = 100,
  offset = 0,
): Promise<Datanet[]> {
  const rows = await db<Row[]>`
    select d.*, ${poolBalanceExpr(db, db`d.id`)} as pool_balance,
      coalesce(c.pending, 0) as pending, coalesce(c.approved, 0) as approved,
      coalesce(c.rejected, 0) as rejected, coalesce(c.withdrawn, 0) as withdrawn,
      coalesce(c.contributors, 0) as contributors, coalesce(c.bytes, 0) as bytes
    from datanets d
    left join lateral ${counts(db, db`d.id`)} c on true
    where ${where}
    order by d.id
    limit ${limit} offset ${offset}`;
  return rows.map(toDatanet);
}

function toDatanet(r: Row): Datanet {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    contentType: r.content_type,
    languages: r.languages,
    ownerAccountId: r.owner_account_id,
    deposit: BigInt(r.deposit),
    minStake: BigInt(r.min_stake),
    quorumVotes: r.quorum_votes,
    approvalBps: r.approval_bps,
    dailyItems: r.daily_items,
    dailyBytes: Number(r.daily_bytes),
    validationReward: BigInt(r.validation_reward),
    reviewWindowSeconds: r.review_window_seconds,
    expiryDecides: r.expiry_decides,
    lossBps: r.loss_bps,
    poolCutBps: r.pool_cut_bps,
    goldMinAccuracyBps: r.gold_min_accuracy_bps,
    goldMinAnswers: r.gold_min_answers,
    poolBalance: BigInt(r.pool_balance),
    counts: {
      pending: Number(r.pending),
      approved: Number(r.approved),
      rejected: Number(r.rejected),
      withdrawn: Number(r.withdrawn),
      contributors: Number(r.contributors),
      bytes: Number(r.bytes),
    },
    createdAt: r.created_at,
  };
}

/** Whether a datanet exists. */
export async function datanetExists(db: Db, datanetId: string): Promise<boolean> {
  const [d] = await db`select 1 from datanets where id = ${datanetId}`;
  return Boolean(d);
}

/** The datanet's owner, or null when there is no such datanet. */
export async function datanetOwnerOf(db: Db, datanetId: string): Promise<string | null> {
  const [d] = await db<{ owner_account_id: string }[]>`
    select owner_account_id from datanets where id = ${datanetId}`;
  return d?.owner_account_id ?? null;
}

/** The stake a validator needs on the datanet, or null when there is no such datanet. */
export async function minStakeOf(db: Db, datanetId: string): Promise<bigint | null> {
  const [d] = await db<{ min_stake: string }[]>`select min_stake from datanets where id = ${datanetId}`;
  return d ? BigInt(d.min_stake) : null;
}

/** What a submission is checked against: languages, deposit and daily quotas (null: no such datanet). */
export async function submissionRulesOf(
  db: Db,
  datanetId: string,
): Promise<{ languages: string[]; deposit: string; daily_items: number; daily_bytes: string } | null> {
  const [d] = await db<{ languages: string[]; deposit: string; daily_items: number; daily_bytes: string }[]>`
    select languages, deposit, daily_items, daily_bytes from datanets where id = ${datanetId}`;
  return d ?? null;
}

/** The part of the protocol cut of paid calls that refills each datanet's pool (issue 16). */
export async function poolCutBpsOf(db: Db, datanetIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db<{ id: string; bps: number }[]>`
    select id, pool_cut_bps as bps from datanets where id = any(${datanetIds as string[]}::bigint[])`;
  return new Map(rows.map((r) => [r.id, r.bps]));
}

/** What a datanet is born with (name, content type, languages, owner): its on-chain metadata. */
export async function datanetMetadataOf(
  db: Db,
  datanetId: string,
): Promise<{ name: string; content_type: string; languages: string[]; owner_account_id: string } | null> {
  const [d] = await db<
    { name: string; content_type: string; languages: string[]; owner_account_id: string }[]
  >`
    select name, content_type, languages, owner_account_id from datanets where id = ${datanetId}`;
  return d ?? null;
}

/** Names by id, for messages that mention several datanets. */
export async function datanetNamesOf(db: Db, datanetIds: readonly string[]): Promise<Map<string, string>> {
  if (datanetIds.length === 0) return new Map();
  const rows = await db<{ id: string; name: string }[]>`
    select id, name from datanets where id in ${db([...new Set(datanetIds)])}`;
  return new Map(rows.map((r) => [r.id, r.name]));
}
