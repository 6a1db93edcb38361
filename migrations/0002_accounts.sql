create table accounts (
  id bigint generated always as identity primary key,
  kind text not null default 'person' check (kind in ('person', 'agent')),
  display_name text not null default '',
  -- Set when this account was joined into another by a link code; it then has no identities.
  merged_into bigint references accounts (id),
  created_at timestamptz not null default now()
);

alter table ledger_accounts add constraint ledger_accounts_owner_fk foreign key (owner_account_id) references accounts (id);

-- 'discord:<id>', 'telegram:<id>', 'apikey:<id>', 'wallet:<0xaddress lowercase>'
create table identities (
  identity text primary key check (identity ~ '^(discord|telegram|apikey|wallet):.+$'),
  account_id bigint not null references accounts (id),
  created_at timestamptz not null default now()
);
create index identities_account on identities (account_id);

-- Only a sha256 of the secret is stored; the key is shown once at creation.
create table api_keys (
  id text primary key,
  account_id bigint not null references accounts (id),
  name text not null default '',
  secret_hash bytea not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_account on api_keys (account_id);

create table link_codes (
  code_hash bytea primary key,
  account_id bigint not null references accounts (id),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by_identity text,
  created_at timestamptz not null default now()
);

-- Replays of state-changing calls: the first call stores its result under (account, key);
-- a retry with the same request gets the same result, a different request with the key is refused.
create table idempotency_records (
  account_id bigint not null references accounts (id),
  idempotency_key text not null,
  operation text not null,
  request_hash text not null,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (account_id, idempotency_key)
);
