-- The idempotency rule of src/shared/withIdempotency.ts (same table, same request hash, same stored
-- response) for a keyed call whose whole effect is one ledger posting (transfer, pool funding, faucet),
-- applied in the database so the call stays one round trip: the key is claimed, the posting made and
-- its result stored in one statement. The same key with another request (or operation) raises P0409.
create function ledger_post_once(
  p_account bigint, p_key text, p_operation text, p_request_hash text,
  p_kind text, p_ledger_key text, p_memo jsonb, p_accounts bigint[], p_amounts numeric[], p_roles text[])
returns table (tx_id bigint, replayed boolean) language plpgsql as $$
declare
  v_operation text;
  v_hash text;
  v_response jsonb;
  v_tx bigint;
  v_replayed boolean;
begin
  insert into idempotency_records (account_id, idempotency_key, operation, request_hash)
    values (p_account, p_key, p_operation, p_request_hash)
    on conflict (account_id, idempotency_key) do nothing;
  if not found then
    select r.operation, r.request_hash, r.response into v_operation, v_hash, v_response
      from idempotency_records r where r.account_id = p_account and r.idempotency_key = p_key for update;
    if v_operation <> p_operation or v_hash <> p_request_hash or v_response is null then
      raise exception 'idempotency key % was used for a different request', p_key using errcode = 'P0409';
    end if;
    return query select (v_response->>'txId')::bigint, true;
    return;
  end if;
  select l.tx_id, l.replayed into v_tx, v_replayed
    from ledger_post(p_kind, p_ledger_key, p_memo, p_accounts, p_amounts, p_roles) l;
  update idempotency_records r set response = jsonb_build_object('txId', v_tx::text, 'replayed', v_replayed)
    where r.account_id = p_account and r.idempotency_key = p_key;
  return query select v_tx, v_replayed;
end $$;
