-- Roles a community granted an account, one row per (account, where they came from), e.g.
-- source 'discord:<guild id>:<user id>'. The Discord bot replaces the row on each interaction, so a
-- role removed there is removed here. Use cases decide ROLE_PERMISSIONS from these rows alone, so
-- the answer is the same on every surface (an API key acts with its account's roles).
create table account_roles (
  account_id bigint not null references accounts (id),
  source text not null check (length(source) between 1 and 200),
  roles text[] not null,
  updated_at timestamptz not null default now(),
  primary key (account_id, source)
);

-- An account merged into another by a link code is closed: its balance moved to the survivor and
-- it must never be credited again (a fee split or transfer naming it fails instead of stranding).
alter table ledger_accounts add column closed boolean not null default false;
alter table ledger_accounts add constraint ledger_closed_empty check (not closed or balance = 0);
