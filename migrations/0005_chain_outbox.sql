-- Transactional outbox: a domain change and the chain write it implies commit together; a
-- worker submits rows in order and records the receipt. dedupe_key makes enqueueing idempotent.
create table chain_outbox (
  id bigint generated always as identity primary key,
  kind text not null,
  dedupe_key text not null unique,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'submitted', 'confirmed', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  tx_hash text,
  nonce bigint,
  block_number bigint,
  gas_used numeric(78, 0),
  last_error text,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  confirmed_at timestamptz
);
create index chain_outbox_pending on chain_outbox (id) where status in ('pending', 'submitted');
