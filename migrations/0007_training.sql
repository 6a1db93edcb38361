-- Training runs, published models, paid inference calls (whose settled rows are the receipts) and
-- the batches that anchor receipt hashes on chain.

create table training_runs (
  id bigint generated always as identity primary key,
  datanet_id bigint not null references datanets (id),
  developer_account_id bigint not null references accounts (id),
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  -- Tokenizer, base model, minimum span, mixing weight: everything the build depends on.
  options jsonb not null,
  -- The snapshot: approved contribution ids at queue time, in index order, and their Merkle root.
  contribution_ids bigint[] not null,
  snapshot_root text not null,
  progress real not null default 0 check (progress >= 0 and progress <= 1),
  progress_message text not null default '',
  -- Claims so far (1 on a clean run; more after a crash or a retry).
  attempts int not null default 0,
  -- Lease of the worker building it: another worker takes over only once the heartbeat is stale.
  worker_id text,
  heartbeat_at timestamptz,
  artifact_hash text,
  manifest jsonb,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint training_runs_artifact check ((status = 'succeeded') = (artifact_hash is not null))
);
create index training_runs_datanet on training_runs (datanet_id, id);
create index training_runs_developer on training_runs (developer_account_id, id);
create index training_runs_active on training_runs (id) where status in ('queued', 'running');

create table models (
  id bigint generated always as identity primary key,
  run_id bigint not null references training_runs (id),
  datanet_id bigint not null references datanets (id),
  developer_account_id bigint not null references accounts (id),
  name text not null check (length(name) between 2 and 64),
  description text not null default '',
  price_per_call numeric(78, 0) not null check (price_per_call >= 0),
  developer_bps int not null check (developer_bps between 0 and 10000),
  data_bps int not null check (data_bps between 0 and 10000),
  validators_bps int not null check (validators_bps between 0 and 10000),
  protocol_bps int not null check (protocol_bps between 0 and 10000),
  artifact_hash text not null,
  snapshot_root text not null,
  base_model text,
  created_at timestamptz not null default now(),
  constraint models_split_total check (developer_bps + data_bps + validators_bps + protocol_bps = 10000)
);
create unique index models_name on models (lower(name));
create index models_datanet on models (datanet_id, id);
create index models_developer on models (developer_account_id, id);

-- A published model is a promise to its users and to the chain: new terms are a new model.
create function models_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception 'published models are immutable; publish a new model instead' using errcode = '55000';
end $$;
create trigger models_immutable before update or delete on models
  for each row execute function models_forbid_change();

create table receipt_batches (
  -- The epoch number anchored on chain.
  id bigint generated always as identity primary key,
  root text not null,
  count int not null check (count > 0),
  first_call_id bigint not null,
  last_call_id bigint not null,
  created_at timestamptz not null default now()
);

-- One row per (caller, idempotency key). 'reserved': the fee sits in escrow while the model runs;
-- 'settled': the fee was split and the row is the receipt; 'released': the attempt failed and the
-- fee went back (a retry with the same key reserves again).
create table inference_calls (
  id bigint generated always as identity primary key,
  caller_account_id bigint not null references accounts (id),
  idempotency_key text not null,
  request_hash text not null,
  model_id bigint not null references models (id),
  fee numeric(78, 0) not null check (fee >= 0),
  seed bigint not null,
  status text not null default 'reserved' check (status in ('reserved', 'settled', 'released')),
  attempt int not null default 1,
  prompt text not null,
  answer text,
  receipt jsonb,
  receipt_hash text,
  developer_amount numeric(78, 0),
  data_amount numeric(78, 0),
  validators_amount numeric(78, 0),
  protocol_amount numeric(78, 0),
  error text,
  anchor_batch_id bigint references receipt_batches (id),
  created_at timestamptz not null default now(),
  reserved_at timestamptz not null default now(),
  settled_at timestamptz,
  constraint inference_calls_key unique (caller_account_id, idempotency_key),
  constraint inference_calls_receipt check ((status = 'settled') = (receipt_hash is not null))
);
create index inference_calls_model on inference_calls (model_id) where status = 'settled';
create index inference_calls_unanchored on inference_calls (id) where status = 'settled' and anchor_batch_id is null;
create index inference_calls_reserved on inference_calls (reserved_at) where status = 'reserved';

-- Reserved inference fees sit in one of 16 escrow accounts (by call id), not in the shared escrow:
-- every reservation locks its escrow row until commit, and one row would let only one call commit
-- at a time. Contribution deposits stay in 'escrow'.
insert into ledger_accounts (kind, system_name)
  select 'system', 'inference_escrow_' || g from generate_series(0, 15) as g;
