-- Telegram adapter state. Nothing here is domain data: balances and identities stay in the core
-- tables; these only remember what the bot already handled and who asked to be notified.

-- Updates already handled, so a redelivered update (webhook retry, restart before the offset was
-- confirmed, a second instance) runs once. Rows are pruned after a few days: Telegram gives up
-- redelivering long before that.
create table telegram_updates (
  bot_id bigint not null,
  update_id bigint not null,
  received_at timestamptz not null default now(),
  primary key (bot_id, update_id)
);
create index telegram_updates_received on telegram_updates (received_at);

-- Earnings notifications per Telegram user (who may be linked to any account: it is looked up
-- through the telegram:<id> identity each time, so a /link later changes whose earnings are told).
create table telegram_notifications (
  telegram_user_id bigint primary key,
  chat_id bigint not null,
  enabled boolean not null,
  -- Ledger entries up to this id are already told about (or predate /notify on).
  cursor_entry_id bigint not null default 0,
  -- When the last notification went out: the next waits at least the configured interval.
  last_sent_at timestamptz,
  updated_at timestamptz not null default now()
);
create index telegram_notifications_due on telegram_notifications (last_sent_at) where enabled;

-- A wallet link in progress (/wallet 0xADDRESS): the Sign-In with Ethereum message the user was
-- asked to sign, so they send back only the signature. One per Telegram user; a new one replaces it.
create table telegram_pending_wallet_links (
  telegram_user_id bigint primary key,
  account_id bigint not null references accounts (id),
  message text not null,
  expires_at timestamptz not null
);
