import type postgres from 'postgres';
import type { Db } from '../db/openDatabase.ts';

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

/** Datanets with their live counts; `where` is a fragment over `d`. */
export async function selectDatanets(
  db: Db,
  where: postgres.Fragment,
  limit = 100,
  offset = 0,
): Promise<Datanet[]> {
  const rows = await db<Row[]>`
    select d.*, coalesce(p.balance, 0) as pool_balance,
      coalesce(c.pending, 0) as pending, coalesce(c.approved, 0) as approved,
      coalesce(c.rejected, 0) as rejected, coalesce(c.withdrawn, 0) as withdrawn,
      coalesce(c.contributors, 0) as contributors, coalesce(c.bytes, 0) as bytes
    from datanets d
    left join ledger_accounts p on p.datanet_id = d.id and p.kind = 'pool'
    left join lateral (
      select count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'approved') as approved,
             count(*) filter (where status = 'rejected') as rejected,
             count(*) filter (where status = 'withdrawn') as withdrawn,
             count(distinct contributor_account_id) filter (where status <> 'withdrawn') as contributors,
             coalesce(sum(bytes) filter (where status <> 'withdrawn'), 0) as bytes
      from contributions where datanet_id = d.id and gold_answer is null) c on true
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
