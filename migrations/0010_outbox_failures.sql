-- A row that can never land (its call cannot be encoded, or the contract refuses it whatever we retry)
-- is set aside as 'failed' so the rows behind it proceed. Why and when are kept for the operator
-- (`potluck doctor` lists them); `last_error` alone is overwritten by every retry.
alter table chain_outbox
  add column failure_reason text,
  add column failed_at timestamptz;
create index chain_outbox_failed on chain_outbox (id) where status = 'failed';
-- Rows failed before this migration keep their reason too.
update chain_outbox set failure_reason = coalesce(last_error, 'failed'), failed_at = now() where status = 'failed';
