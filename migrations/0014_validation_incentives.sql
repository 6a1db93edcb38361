-- Issue 16: sealed votes with a commitment, review windows, losing-side penalties, a pool refilled
-- from the protocol cut, gold items. Defaults are explained in README (Validation incentives).
alter table datanets
  add column review_window_seconds int not null default 604800 check (review_window_seconds between 60 and 31536000),
  -- true: a contribution whose window closes is decided by the votes present (if they reach the
  -- threshold); otherwise, and when false, it is returned to its contributor with its deposit.
  add column expiry_decides boolean not null default true,
  add column loss_bps int not null default 100 check (loss_bps between 0 and 10000),
  add column pool_cut_bps int not null default 5000 check (pool_cut_bps between 0 and 10000),
  add column gold_min_accuracy_bps int not null default 7000 check (gold_min_accuracy_bps between 0 and 10000),
  add column gold_min_answers int not null default 5 check (gold_min_answers >= 1);

alter table contributions drop constraint contributions_status_check;
alter table contributions add constraint contributions_status_check
  check (status in ('pending', 'approved', 'rejected', 'withdrawn', 'expired'));
-- Gold items: seeded by the owner with a known answer; never decided, never trained on.
alter table contributions add column gold_answer boolean;
create index contributions_pending_age on contributions (created_at) where status = 'pending' and gold_answer is null;

-- Each vote is sealed: salt + commitment written with it; paid / penalty once it is decided.
alter table votes
  add column salt text,
  add column commitment text,
  add column paid numeric(78, 0) not null default 0,
  add column penalty numeric(78, 0) not null default 0;

alter table validation_outcomes
  add column votes_commitment text,
  add column penalties numeric(78, 0) not null default 0,
  add column expired boolean not null default false;

-- Votes on gold items, scored against the known answer when cast.
create table gold_votes (
  contribution_id bigint not null references contributions (id),
  validator_account_id bigint not null references accounts (id),
  datanet_id bigint not null references datanets (id),
  approve boolean not null,
  correct boolean not null,
  created_at timestamptz not null default now(),
  primary key (contribution_id, validator_account_id)
);
create index gold_votes_validator on gold_votes (validator_account_id, datanet_id);
