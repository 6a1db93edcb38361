import type { Db, Sql } from '../db/openDatabase.ts';

/*
 * The validation area's queries that other areas need (validator_stakes, votes,
 * validation_outcomes and gold_votes belong to src/validation). Each takes the connection or
 * transaction it is given, so callers keep their transactions.
 */

/**
 * The tables, for another area's statement that joins them (one statement keeps one snapshot, its
 * row locks and its order): every such reader names them through here, so all are found from here.
 */
export const votesTable = (db: Db) => db('votes');
export const goldVotesTable = (db: Db) => db('gold_votes');
export const validationOutcomesTable = (db: Db) => db('validation_outcomes');

/** A scalar expression: what the account has staked as validator, over all datanets. */
export const stakedTotalExpr = (db: Db, accountId: string) =>
  db`(select coalesce(sum(amount), 0) from validator_stakes where account_id = ${accountId})`;

/** Votes cast, on reviews still open or decided (never approve/reject: votes are sealed until decided). */
export function countVotesByReview(sql: Sql) {
  return sql<{ label: string; n: string }[]>`
      select case when o.contribution_id is null then 'open' else 'decided' end as label, count(*)::text as n
      from votes v left join validation_outcomes o on o.contribution_id = v.contribution_id
      group by 1`;
}
