-- Stake amounts per validator; the tokens themselves sit in the 'stakes' system ledger account.
create table validator_stakes (
  datanet_id bigint not null references datanets (id),
  account_id bigint not null references accounts (id),
  amount numeric(78, 0) not null check (amount >= 0),
  updated_at timestamptz not null default now(),
  primary key (datanet_id, account_id)
);

create table votes (
  contribution_id bigint not null references contributions (id),
  validator_account_id bigint not null references accounts (id),
  approve boolean not null,
  weight numeric(78, 0) not null check (weight > 0),
  reason text,
  created_at timestamptz not null default now(),
  primary key (contribution_id, validator_account_id)
);
create index votes_validator on votes (validator_account_id);

-- One row per decided contribution: written exactly once, by the vote that reached quorum.
create table validation_outcomes (
  contribution_id bigint primary key references contributions (id),
  datanet_id bigint not null references datanets (id),
  approved boolean not null,
  approve_weight numeric(78, 0) not null,
  reject_weight numeric(78, 0) not null,
  votes int not null,
  reward_paid numeric(78, 0) not null,
  ledger_tx_id bigint references ledger_transactions (id),
  decided_at timestamptz not null default now()
);
