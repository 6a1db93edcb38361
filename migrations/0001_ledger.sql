-- Double-entry ledger. Amounts are base units (18 decimals) in numeric(78,0).
-- Balances are kept on the account row (updated by ledger_post) so a read is one row, and a
-- CHECK keeps them from going negative; a trigger proves every transaction sums to zero after
-- each insert, whoever wrote the entries, and entries can never be updated or deleted.

create table ledger_accounts (
  id bigint generated always as identity primary key,
  -- 'available': a person's or agent's spendable balance; 'pool': a datanet's reward pool;
  -- 'system': named protocol accounts (below).
  kind text not null check (kind in ('available', 'pool', 'system')),
  owner_account_id bigint,
  datanet_id bigint,
  system_name text unique,
  allow_negative boolean not null default false,
  balance numeric(78, 0) not null default 0,
  created_at timestamptz not null default now(),
  constraint ledger_balance_non_negative check (allow_negative or balance >= 0),
  constraint ledger_account_owner check (
    (kind = 'available' and owner_account_id is not null and datanet_id is null and system_name is null) or
    (kind = 'pool' and datanet_id is not null and owner_account_id is null and system_name is null) or
    (kind = 'system' and system_name is not null and owner_account_id is null and datanet_id is null))
);
create unique index ledger_accounts_owner on ledger_accounts (owner_account_id) where kind = 'available';
create unique index ledger_accounts_datanet on ledger_accounts (datanet_id) where kind = 'pool';

create table ledger_transactions (
  id bigint generated always as identity primary key,
  kind text not null,
  idempotency_key text unique,
  memo jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table ledger_entries (
  id bigint generated always as identity primary key,
  tx_id bigint not null references ledger_transactions (id),
  ledger_account_id bigint not null references ledger_accounts (id),
  amount numeric(78, 0) not null check (amount <> 0),
  -- Why this leg moved: 'contributor', 'validator', 'developer', 'protocol', ... Used for "earned by role".
  role text
);
create index ledger_entries_tx on ledger_entries (tx_id);
create index ledger_entries_account on ledger_entries (ledger_account_id, id);

-- Each statement that adds entries must leave every transaction it touches summing to zero.
-- Statement-level (one check per insert, over the transition table) rather than per row:
-- ledger_post inserts all legs of a transaction in one statement.
create function ledger_check_balanced() returns trigger language plpgsql as $$
declare
  t bigint;
begin
  -- A loop of index lookups: a transition table has no statistics, so a join over it can
  -- plan as a scan of the whole ledger.
  for t in select distinct tx_id from new_entries loop
    if (select sum(amount) from ledger_entries where tx_id = t) <> 0 then
      raise exception 'ledger transaction % does not sum to zero', t using errcode = '23514';
    end if;
  end loop;
  return null;
end $$;

create trigger ledger_entries_balanced
  after insert on ledger_entries
  referencing new table as new_entries
  for each statement execute function ledger_check_balanced();

-- Entries are history: never rewritten.
create function ledger_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'ledger entries are append-only';
end $$;
create trigger ledger_entries_append_only before update or delete on ledger_entries
  for each row execute function ledger_forbid_change();

-- Posts one balanced transaction in one round trip. Legs are applied in account-id order so
-- concurrent transfers lock rows in the same order and cannot deadlock each other.
-- Returns the transaction id, or the existing one when the idempotency key was already used.
create function ledger_post(p_kind text, p_key text, p_memo jsonb, p_accounts bigint[], p_amounts numeric[], p_roles text[])
returns table (tx_id bigint, replayed boolean) language plpgsql as $$
declare
  v_tx bigint;
  v_sum numeric := 0;
  i int;
begin
  if p_key is not null then
    select t.id into v_tx from ledger_transactions t where t.idempotency_key = p_key;
    if found then
      return query select v_tx, true;
      return;
    end if;
  end if;
  if coalesce(array_length(p_accounts, 1), 0) < 2
     or array_length(p_accounts, 1) <> array_length(p_amounts, 1)
     or array_length(p_accounts, 1) <> array_length(p_roles, 1) then
    raise exception 'ledger_post needs at least two legs of equal-length arrays' using errcode = '22023';
  end if;
  if array_position(p_accounts, null) is not null then
    raise exception 'ledger_post: a leg names no ledger account' using errcode = 'P0002';
  end if;
  for i in 1 .. array_length(p_amounts, 1) loop
    v_sum := v_sum + p_amounts[i];
  end loop;
  if v_sum <> 0 then
    raise exception 'ledger transaction does not sum to zero (sum %)', v_sum using errcode = '23514';
  end if;
  -- Lock before the entries are inserted: their foreign keys take KEY SHARE locks on these rows
  -- in leg order, which would otherwise be the order a concurrent transfer deadlocks on.
  perform 1 from ledger_accounts where id = any(p_accounts) order by id for no key update;
  insert into ledger_transactions (kind, idempotency_key, memo) values (p_kind, p_key, coalesce(p_memo, '{}'::jsonb))
    returning id into v_tx;
  insert into ledger_entries (tx_id, ledger_account_id, amount, role)
    select v_tx, a, m, r from unnest(p_accounts, p_amounts, p_roles) as u(a, m, r) where m <> 0;
  update ledger_accounts la set balance = la.balance + d.delta
    from (select a as id, sum(m) as delta from unnest(p_accounts, p_amounts) as u(a, m) group by a) d
    where la.id = d.id and d.delta <> 0;
  return query select v_tx, false;
end $$;

insert into ledger_accounts (kind, system_name, allow_negative) values
  ('system', 'deposits', true),     -- tokens bridged in from chain
  ('system', 'faucet', true),       -- development funds (config-gated)
  ('system', 'settlement', false),  -- claimed out to chain
  ('system', 'treasury', false),    -- protocol cut
  ('system', 'stakes', false),      -- validator stakes, per-validator amounts in validator_stakes
  ('system', 'escrow', false);      -- contribution deposits and reserved fees
