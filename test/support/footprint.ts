import type { Sql } from '../../src/db/openDatabase.ts';

/**
 * Everything a call can move or write, counted: a refused or replayed call must leave it exactly as
 * it was (compare with toEqual).
 */
export async function footprint(sql: Sql) {
  const [row] = await sql`
    select (select count(*) from ledger_transactions)::int as ledger_txs,
      (select coalesce(sum(balance), 0)::text from ledger_accounts where not allow_negative) as held,
      (select count(*) from idempotency_records)::int as idempotency_records,
      (select count(*) from datanets)::int as datanets,
      (select count(*) from contributions)::int as contributions,
      (select count(*) from training_runs)::int as runs,
      (select count(*) from models)::int as models,
      (select count(*) from votes)::int as votes,
      (select count(*) from validator_stakes)::int as stakes,
      (select coalesce(sum(amount), 0)::text from validator_stakes) as staked,
      (select count(*) from wallet_links)::int as wallet_links,
      (select count(*) from inference_calls)::int as calls,
      (select count(*) from chain_outbox)::int as outbox`;
  return row;
}
