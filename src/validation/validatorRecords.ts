import type postgres from 'postgres';
import { displayNameExpr } from '../accounts/accountStore.ts';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import type { Db } from '../db/openDatabase.ts';

/** A validator's record in one datanet: what the reputation shown on every surface is made of. */
export interface ValidatorRecord {
  datanetId: string;
  accountId: string;
  displayName: string;
  staked: bigint;
  votesCast: number;
  /** Votes on contributions decided so far, and how many of those sided with the outcome. */
  votesDecided: number;
  votesWon: number;
  /** votesWon / votesDecided in basis points; null before any decision. */
  agreementBps: number | null;
  goldAnswered: number;
  goldCorrect: number;
  goldAccuracyBps: number | null;
  /** Below the datanet's gold threshold: earns nothing from decisions until it recovers. */
  suspended: boolean;
  /** Paid for decisions (reward, deposit and forfeit shares), and stake forfeited on losing sides. */
  earned: bigint;
  forfeited: bigint;
}

/**
 * Gold answers count from the start of the current UTC day backwards: a validator's gold numbers
 * never move right after a vote, so they cannot tell which item was gold. Decisions use the same
 * numbers, so what a validator sees is what they are paid by.
 */
export function goldCutoff(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Records of (datanet, account) pairs matched by `where`, a fragment over `s` (validator_stakes). */
export async function validatorRecords(
  db: Db,
  now: Date,
  where: postgres.Fragment,
  order: postgres.Fragment,
  limit = 100,
): Promise<ValidatorRecord[]> {
  const cutoff = goldCutoff(now);
  const rows = await db<
    {
      datanet_id: string;
      account_id: string;
      display_name: string;
      amount: string;
      cast: string;
      decided: string;
      won: string;
      earned: string;
      forfeited: string;
      answered: string;
      correct: string;
      min_bps: number;
      min_answers: number;
    }[]
  >`
    select s.datanet_id, s.account_id, ${displayNameExpr(db, db`s.account_id`)} as display_name, s.amount, v.cast, v.decided, v.won, v.earned, v.forfeited,
      g.answered, g.correct, d.gold_min_accuracy_bps as min_bps, d.gold_min_answers as min_answers
    from validator_stakes s
    join ${datanetsTable(db)} d on d.id = s.datanet_id
    cross join lateral (
      select count(*) as cast, count(o.*) as decided, count(*) filter (where o.approved = vt.approve) as won,
        coalesce(sum(vt.paid), 0) as earned, coalesce(sum(vt.penalty), 0) as forfeited
      from votes vt join ${contributionsTable(db)} c on c.id = vt.contribution_id
      left join validation_outcomes o on o.contribution_id = vt.contribution_id
      where vt.validator_account_id = s.account_id and c.datanet_id = s.datanet_id) v
    cross join lateral (
      select count(*) as answered, count(*) filter (where gv.correct) as correct from gold_votes gv
      where gv.validator_account_id = s.account_id and gv.datanet_id = s.datanet_id and gv.created_at < ${cutoff}) g
    where ${where}
    order by ${order}
    limit ${limit}`;
  return rows.map((r) => {
    const decided = Number(r.decided);
    const won = Number(r.won);
    const answered = Number(r.answered);
    const correct = Number(r.correct);
    return {
      datanetId: r.datanet_id,
      accountId: r.account_id,
      displayName: r.display_name,
      staked: BigInt(r.amount),
      votesCast: Number(r.cast),
      votesDecided: decided,
      votesWon: won,
      agreementBps: decided === 0 ? null : Math.floor((won * 10_000) / decided),
      goldAnswered: answered,
      goldCorrect: correct,
      goldAccuracyBps: answered === 0 ? null : Math.floor((correct * 10_000) / answered),
      suspended: answered >= r.min_answers && correct * 10_000 < r.min_bps * answered,
      earned: BigInt(r.earned),
      forfeited: BigInt(r.forfeited),
    };
  });
}
