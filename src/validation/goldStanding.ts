import { datanetsTable } from '../datanets/datanetStore.ts';
import type { Db } from '../db/openDatabase.ts';
import { goldCutoff } from './validatorRecords.ts';

export interface GoldStanding {
  answered: number;
  correct: number;
  /** Below the datanet's gold-accuracy threshold (after enough answers): earns nothing until it recovers. */
  suspended: boolean;
}

/**
 * Gold accuracy per validator in one datanet, judged against the datanet's threshold, over the
 * gold answers given before today (UTC): the same numbers every surface shows the validator.
 */
export async function goldStanding(
  db: Db,
  datanetId: string,
  accountIds: readonly string[],
  now: Date,
): Promise<Map<string, GoldStanding>> {
  const rows = await db<
    { account_id: string; answered: number; correct: number; min_bps: number; min_answers: number }[]
  >`
    select a.account_id, coalesce(g.answered, 0)::int as answered, coalesce(g.correct, 0)::int as correct,
      d.gold_min_accuracy_bps as min_bps, d.gold_min_answers as min_answers
    from unnest(${accountIds as string[]}::bigint[]) as a(account_id)
    cross join ${datanetsTable(db)} d
    left join lateral (
      select count(*) as answered, count(*) filter (where correct) as correct from gold_votes
      where validator_account_id = a.account_id and datanet_id = d.id and created_at < ${goldCutoff(now)}) g on true
    where d.id = ${datanetId}`;
  return new Map(
    rows.map((r) => [
      r.account_id,
      {
        answered: r.answered,
        correct: r.correct,
        suspended: r.answered >= r.min_answers && r.correct * 10_000 < r.min_bps * r.answered,
      },
    ]),
  );
}
