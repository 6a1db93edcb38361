create table datanets (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 2 and 64),
  description text not null default '',
  content_type text not null default 'text',
  languages text[] not null default '{}',
  owner_account_id bigint not null references accounts (id),
  deposit numeric(78, 0) not null check (deposit >= 0),
  min_stake numeric(78, 0) not null check (min_stake > 0),
  quorum_votes int not null check (quorum_votes >= 1),
  approval_bps int not null check (approval_bps > 5000 and approval_bps <= 10000),
  daily_items int not null check (daily_items >= 1),
  daily_bytes bigint not null check (daily_bytes >= 1),
  validation_reward numeric(78, 0) not null default 0 check (validation_reward >= 0),
  created_at timestamptz not null default now()
);
create unique index datanets_name on datanets (lower(name));

alter table ledger_accounts add constraint ledger_accounts_datanet_fk foreign key (datanet_id) references datanets (id);

create table contributions (
  id bigint generated always as identity primary key,
  datanet_id bigint not null references datanets (id),
  contributor_account_id bigint not null references accounts (id),
  content text not null,
  content_hash text not null,
  bytes int not null,
  chars int not null,
  language text not null,
  check_score int not null,
  check_problems jsonb not null default '[]'::jsonb,
  near_duplicate_of bigint references contributions (id),
  near_duplicate_similarity real,
  minhash bytea not null,
  source text not null default 'text',
  deposit numeric(78, 0) not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
-- A withdrawn text may be submitted again; a pending, approved or rejected one may not.
create unique index contributions_datanet_hash on contributions (datanet_id, content_hash) where status <> 'withdrawn';
create index contributions_datanet_status on contributions (datanet_id, status, id);
create index contributions_contributor_day on contributions (contributor_account_id, datanet_id, created_at);

-- MinHash LSH bands: contributions sharing a band key are near-duplicate candidates.
create table contribution_bands (
  datanet_id bigint not null,
  band_key bigint not null,
  contribution_id bigint not null references contributions (id)
);
create index contribution_bands_lookup on contribution_bands (datanet_id, band_key);
