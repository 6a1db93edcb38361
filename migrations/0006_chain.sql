-- On-chain Proof of Attribution and settlement: what the outbox worker, the event watcher, wallet
-- linking and epoch settlement keep. Hex values (bytes32 refs, roots, tx hashes, addresses) are
-- stored as lowercase 0x-prefixed text so they compare as strings and read back unchanged.

-- The outbox signs a row's transaction and stores it (hash, nonce, raw bytes) BEFORE broadcasting:
-- after a crash the worker finds the same transaction by hash, or rebroadcasts the same bytes (same
-- nonce, so it can land at most once), instead of signing a second one.
alter table chain_outbox
  add column raw_tx text,
  add column signer text,
  -- How often an embedded-chain boot has re-sent this row to a fresh chain (0 on real chains).
  add column replays int not null default 0;

-- keccak256("potluck:account:<id>") → account. PostgreSQL has no keccak, so the service fills this
-- (see ensureAccountRefs) and deposits look their account up here.
create table account_refs (
  ref text primary key check (ref ~ '^0x[0-9a-f]{64}$'),
  account_id bigint not null unique references accounts (id)
);

-- Contributions and validation outcomes waiting for a Merkle batch. Filled by statement-level
-- triggers, so no write path can forget it and a bulk insert costs one extra statement, not one per
-- row; the worker takes rows out in id order when it builds a batch.
create table contribution_anchor_queue (
  contribution_id bigint primary key references contributions (id),
  datanet_id bigint not null,
  enqueued_at timestamptz not null default now()
);
create index contribution_anchor_queue_datanet on contribution_anchor_queue (datanet_id, contribution_id);

create function chain_queue_contributions() returns trigger language plpgsql as $$
begin
  insert into contribution_anchor_queue (contribution_id, datanet_id) select id, datanet_id from new_rows;
  return null;
end $$;
create trigger contributions_anchor_queue after insert on contributions
  referencing new table as new_rows for each statement execute function chain_queue_contributions();

create table validation_anchor_queue (
  contribution_id bigint primary key references validation_outcomes (contribution_id),
  datanet_id bigint not null,
  enqueued_at timestamptz not null default now()
);
create index validation_anchor_queue_datanet on validation_anchor_queue (datanet_id, contribution_id);

create function chain_queue_validations() returns trigger language plpgsql as $$
begin
  insert into validation_anchor_queue (contribution_id, datanet_id) select contribution_id, datanet_id from new_rows;
  return null;
end $$;
create trigger validation_outcomes_anchor_queue after insert on validation_outcomes
  referencing new table as new_rows for each statement execute function chain_queue_validations();

-- Rows written before this migration are anchored too.
insert into contribution_anchor_queue (contribution_id, datanet_id) select id, datanet_id from contributions;
insert into validation_anchor_queue (contribution_id, datanet_id) select contribution_id, datanet_id from validation_outcomes;

-- A Merkle batch. Leaves are rebuilt from the member rows (contribution id, contributor, content
-- hash and datanet never change), ordered by contribution id, and checked against `root` before a
-- proof is served; so a batch costs one row plus one small row per member.
create table contribution_batches (
  id bigint generated always as identity primary key,
  datanet_id bigint not null references datanets (id),
  batch_ref text unique,
  root text not null,
  leaf_count int not null check (leaf_count > 0),
  outbox_id bigint references chain_outbox (id),
  created_at timestamptz not null default now()
);
create table contribution_batch_items (
  contribution_id bigint primary key references contributions (id),
  batch_id bigint not null references contribution_batches (id)
);
create index contribution_batch_items_batch on contribution_batch_items (batch_id, contribution_id);

create table validation_batches (
  id bigint generated always as identity primary key,
  datanet_id bigint not null references datanets (id),
  batch_ref text unique,
  root text not null,
  leaf_count int not null check (leaf_count > 0),
  outbox_id bigint references chain_outbox (id),
  created_at timestamptz not null default now()
);
create table validation_batch_items (
  contribution_id bigint primary key references validation_outcomes (contribution_id),
  batch_id bigint not null references validation_batches (id)
);
create index validation_batch_items_batch on validation_batch_items (batch_id, contribution_id);

-- Where the event watcher is, per chain instance: an embedded chain is a new instance on every boot.
create table chain_cursors (
  name text primary key,
  chain_key text not null,
  last_block bigint not null,
  updated_at timestamptz not null default now()
);

-- Vault deposits, exactly once per log. Unmatched ones (unknown account ref) are kept for an operator.
create table chain_deposits (
  chain_key text not null,
  tx_hash text not null,
  log_index int not null,
  block_number bigint not null,
  account_ref text not null,
  from_address text not null,
  amount numeric(78, 0) not null check (amount > 0),
  account_id bigint references accounts (id),
  ledger_tx_id bigint references ledger_transactions (id),
  status text not null check (status in ('credited', 'unmatched')),
  seen_at timestamptz not null default now(),
  primary key (chain_key, tx_hash, log_index)
);
create index chain_deposits_account on chain_deposits (account_id);

-- Sign-In with Ethereum: a nonce is bound to the account and address it was issued for, and used once.
create table wallet_link_nonces (
  nonce text primary key,
  account_id bigint not null references accounts (id),
  address text not null check (address ~ '^0x[0-9a-f]{40}$'),
  chain_id bigint not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index wallet_link_nonces_account on wallet_link_nonces (account_id);

-- Link history (the live link is the `wallet:` identity); rewards stay with the wallet they were committed to.
create table wallet_links (
  id bigint generated always as identity primary key,
  account_id bigint not null references accounts (id),
  address text not null check (address ~ '^0x[0-9a-f]{40}$'),
  linked_at timestamptz not null,
  unlinked_at timestamptz,
  unlink_reason text
);
create index wallet_links_account on wallet_links (account_id, id);
create unique index wallet_links_live on wallet_links (address) where unlinked_at is null;

-- Epoch settlement. Committed rewards sit in the 'rewards' system account until the vault's Claimed
-- event moves them to 'settlement'; the vault pays out of tokens funded for exactly these amounts.
insert into ledger_accounts (kind, system_name, allow_negative) values ('system', 'rewards', false);

create table reward_epochs (
  epoch bigint primary key check (epoch > 0),
  root text not null,
  leaf_count int not null,
  committed numeric(78, 0) not null check (committed >= 0),
  ledger_tx_id bigint references ledger_transactions (id),
  outbox_id bigint references chain_outbox (id),
  settled_at timestamptz not null default now()
);

-- What an account's earnings committed in an epoch, and to which wallet.
create table reward_commitments (
  epoch bigint not null references reward_epochs (epoch),
  account_id bigint not null references accounts (id),
  wallet text not null,
  amount numeric(78, 0) not null check (amount > 0),
  primary key (epoch, account_id)
);
create index reward_commitments_account on reward_commitments (account_id, epoch);
create index reward_commitments_wallet on reward_commitments (wallet, epoch);

-- Per wallet: everything ever committed to it and everything the vault has paid it (from events).
create table reward_wallets (
  wallet text primary key check (wallet ~ '^0x[0-9a-f]{40}$'),
  committed numeric(78, 0) not null default 0,
  claimed numeric(78, 0) not null default 0,
  constraint reward_wallets_claimed_le_committed check (claimed <= committed)
);

-- The leaves of each epoch's tree: (wallet, cumulative committed), every wallet with anything unclaimed.
create table reward_epoch_leaves (
  epoch bigint not null references reward_epochs (epoch),
  wallet text not null,
  cumulative numeric(78, 0) not null,
  primary key (epoch, wallet)
);

-- Claimed events, once per (wallet, cumulative): the vault's claimed total only ever rises.
create table reward_claims (
  wallet text not null,
  cumulative numeric(78, 0) not null,
  amount numeric(78, 0) not null,
  epoch bigint not null,
  chain_key text not null,
  tx_hash text not null,
  log_index int not null,
  block_number bigint not null,
  ledger_tx_id bigint references ledger_transactions (id),
  seen_at timestamptz not null default now(),
  primary key (wallet, cumulative)
);
create index reward_claims_epoch on reward_claims (epoch, cumulative);
