-- LoRA models (issue #15): a published model is either an ∞-gram artifact or a LoRA adapter served on
-- a named base model. The adapter is pinned by the sha256 of its llama.cpp LoRA GGUF, so what a caller
-- pays for is exactly what the registry on chain names.
alter table models add column kind text not null default 'infini-gram' check (kind in ('infini-gram', 'lora'));
alter table models add column adapter_hash text;
alter table models add constraint models_lora_adapter
  check ((kind = 'lora') = (adapter_hash is not null and base_model is not null));

-- The data and validator parts of a neural answer's fee whose gradient influence was not ready within
-- the call's budget wait here until an attribution job settles them (once: the row's status guards it).
insert into ledger_accounts (kind, system_name) values ('system', 'attribution_escrow');

create table attribution_settlements (
  call_id bigint primary key references inference_calls (id),
  model_id bigint not null references models (id),
  status text not null default 'pending' check (status in ('pending', 'settled')),
  data_amount numeric(78, 0) not null check (data_amount >= 0),
  validators_amount numeric(78, 0) not null check (validators_amount >= 0),
  -- What influence is computed from (llama token ids), and the span credit it is combined with.
  prompt_tokens int[] not null,
  answer_tokens int[] not null,
  span_weights jsonb not null,
  -- Filled once settled: influence scores, combined weights and the payouts made from escrow.
  result jsonb,
  attempts int not null default 0,
  error text,
  created_at timestamptz not null default now(),
  settled_at timestamptz,
  constraint attribution_settled check ((status = 'settled') = (result is not null and settled_at is not null))
);
create index attribution_settlements_pending on attribution_settlements (call_id) where status = 'pending';
