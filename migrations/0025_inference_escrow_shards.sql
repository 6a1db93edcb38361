-- 128 inference escrow shards instead of 16 (migration 0007): a call's fee sits in shard (call id % 128).
--
-- Profiled (log_min_duration_statement on the paid-call bench, 32 clients, PostgreSQL 15): the
-- reservation statement was half of all server statement time (2.9 ms a call, 12 s of 24 s), most
-- of it waiting on escrow rows. A settlement batch debits the escrow shard of each call it settles
-- and holds those rows until it commits; with 16 shards a batch of ~14 recent calls held nearly
-- every shard, so new reservations queued behind it. Call ids are sequential, so the calls in
-- flight at once (a few dozen consecutive ids) fall in distinct shards when there are more shards
-- than calls in flight, and a new call's shard is one no settling batch holds.
insert into ledger_accounts (kind, system_name)
  select 'system', 'inference_escrow_' || g from generate_series(16, 127) as g;

-- Fees reserved before this migration sit in shard (id % 16); settling or releasing them now debits
-- shard (id % 128), so each moves there first, one posting per pair of shards.
select l.tx_id
from (
  select o.id as from_id, n.id as to_id, sum(c.fee) as amount
  from inference_calls c
    join ledger_accounts o on o.system_name = 'inference_escrow_' || (c.id % 16)
    join ledger_accounts n on n.system_name = 'inference_escrow_' || (c.id % 128)
  where c.status = 'reserved' and c.fee > 0 and c.id % 128 <> c.id % 16
  group by o.id, n.id
) m,
lateral ledger_post('inference_escrow_reshard', null, '{}'::jsonb,
  array[m.from_id, m.to_id], array[-m.amount, m.amount], array[null, null]::text[]) l;
