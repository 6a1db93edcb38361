-- Group commit for keyed postings (transfers): several concurrent requests posted in one transaction,
-- one commit instead of one each, with the same outcome each would have had posted alone in order.
--
-- Every account the batch touches is locked first, in id order, as ledger_post does for one posting:
-- locking them posting by posting would hold A and C while waiting for B, which a single posting
-- holding B and waiting for C would deadlock against.
--
-- Fast path, set-based (a handful of statements for the whole batch instead of ~10 per posting):
-- taken only when every posting would succeed in order: all accounts found and open, keys new and
-- distinct, legs balanced, and no non-negative account's running balance below zero after any
-- posting. Any error in it rolls it back whole (its own subtransaction) and the slow path runs.
-- Slow path: each posting through ledger_post_once in its own subtransaction, so an overdraft, a key
-- conflict or a missing account fails that posting alone and leaves no trace of it; items run in
-- order, so two with the same key behave as one after the other (the second replays or conflicts).
--
-- p_items: [{account, key, operation, hash, kind, ledgerKey, memo, legs: [{id, owner, amount, role}]}]
-- Returns one row per item in order: its tx_id and replayed, or the error's SQLSTATE and constraint.
create function ledger_post_batch(p_items jsonb)
returns table (n int, tx_id bigint, replayed boolean, err_state text, err_constraint text)
language plpgsql as $$
#variable_conflict use_column
declare
  v_count int := jsonb_array_length(p_items);
  v_leg_item int[];
  v_leg_account bigint[];
  v_leg_amount numeric[];
  v_leg_role text[];
  v_tx bigint[];
  v_item jsonb;
  v_i int;
begin
  select array_agg(x.o::int order by x.o, l.o),
         array_agg(coalesce((l.leg->>'id')::bigint,
           (select b.id from ledger_accounts b where b.owner_account_id = (l.leg->>'owner')::bigint and b.kind = 'available'))
           order by x.o, l.o),
         array_agg((l.leg->>'amount')::numeric order by x.o, l.o),
         array_agg(l.leg->>'role' order by x.o, l.o)
    into v_leg_item, v_leg_account, v_leg_amount, v_leg_role
    from jsonb_array_elements(p_items) with ordinality as x(e, o),
         jsonb_array_elements(x.e->'legs') with ordinality as l(leg, o);
  perform 1 from ledger_accounts a where a.id = any(v_leg_account) order by a.id for no key update;

  begin
    if array_position(v_leg_account, null) is not null
      or exists (select 1 from unnest(v_leg_item, v_leg_amount) as u(i, m) group by u.i
                 having count(*) filter (where u.m <> 0) < 2 or sum(u.m) <> 0)
      or (select count(distinct u.i) from unnest(v_leg_item) as u(i)) <> v_count
      or exists (select 1 from jsonb_array_elements(p_items) as x(e)
                 group by x.e->>'account', x.e->>'key' having count(*) > 1)
      or exists (select 1 from jsonb_array_elements(p_items) as x(e) where x.e->>'ledgerKey' is not null
                 group by x.e->>'ledgerKey' having count(*) > 1)
      or exists (select 1 from jsonb_array_elements(p_items) as x(e), idempotency_records r
                 where r.account_id = (x.e->>'account')::bigint and r.idempotency_key = x.e->>'key')
      or exists (select 1 from jsonb_array_elements(p_items) as x(e), ledger_transactions t
                 where t.idempotency_key = x.e->>'ledgerKey')
      or exists (select 1 from ledger_accounts a where a.id = any(v_leg_account) and a.closed)
      or exists (
        select 1 from (
          select d.a, sum(d.delta) over (partition by d.a order by d.i) as run
          from (select u.i, u.a, sum(u.m) as delta from unnest(v_leg_item, v_leg_account, v_leg_amount) as u(i, a, m)
                group by u.i, u.a) d) r
        join ledger_accounts a on a.id = r.a
        where not a.allow_negative and a.balance + r.run < 0)
    then
      raise exception 'ledger_post_batch: slow path' using errcode = 'P0001';
    end if;
    v_tx := array(select nextval(pg_get_serial_sequence('ledger_transactions', 'id')) from generate_series(1, v_count));
    insert into ledger_transactions (id, kind, idempotency_key, memo) overriding system value
      select v_tx[x.o], x.e->>'kind', x.e->>'ledgerKey', coalesce(x.e->'memo', '{}'::jsonb)
      from jsonb_array_elements(p_items) with ordinality as x(e, o) order by x.o;
    insert into ledger_entries (tx_id, ledger_account_id, amount, role)
      select v_tx[u.i], u.a, u.m, u.r
      from unnest(v_leg_item, v_leg_account, v_leg_amount, v_leg_role) with ordinality as u(i, a, m, r, o)
      where u.m <> 0 order by u.o;
    update ledger_accounts la set balance = la.balance + d.delta
      from (select u.a, sum(u.m) as delta from unnest(v_leg_account, v_leg_amount) as u(a, m) group by u.a) d
      where la.id = d.a and d.delta <> 0;
    insert into idempotency_records (account_id, idempotency_key, operation, request_hash, response)
      select (x.e->>'account')::bigint, x.e->>'key', x.e->>'operation', x.e->>'hash',
             jsonb_build_object('txId', v_tx[x.o]::text, 'replayed', false)
      from jsonb_array_elements(p_items) with ordinality as x(e, o);
    return query select g.i, v_tx[g.i], false, null::text, null::text from generate_series(1, v_count) as g(i);
    return;
  exception when others then
    null; -- rolled back whole: post one by one below
  end;

  for v_i in 1 .. v_count loop
    v_item := p_items->(v_i - 1);
    begin
      select p.tx_id, p.replayed into tx_id, replayed
        from ledger_post_once((v_item->>'account')::bigint, v_item->>'key', v_item->>'operation',
          v_item->>'hash', v_item->>'kind', v_item->>'ledgerKey', v_item->'memo',
          array(select v_leg_account[k] from generate_subscripts(v_leg_item, 1) as s(k) where v_leg_item[k] = v_i order by k),
          array(select v_leg_amount[k] from generate_subscripts(v_leg_item, 1) as s(k) where v_leg_item[k] = v_i order by k),
          array(select v_leg_role[k] from generate_subscripts(v_leg_item, 1) as s(k) where v_leg_item[k] = v_i order by k)) p;
      n := v_i;
      err_state := null;
      err_constraint := null;
      return next;
    exception when others then
      get stacked diagnostics err_state = returned_sqlstate, err_constraint = constraint_name;
      n := v_i;
      tx_id := null;
      replayed := null;
      return next;
    end;
  end loop;
end $$;
