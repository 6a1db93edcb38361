-- Notifications about a person's own activity (a contribution decided, a training run finished,
-- tokens to claim), opt-in per person on each bot: /notifications on in Telegram sends there, in
-- Discord as DMs. Earnings notifications (telegram_notifications) are separate and unchanged.
-- Each bot owns its rows: a subscription with its cursor and rate window, and the events it has
-- told about (a few hours' worth: the cursor trails the newest event, and these stop a repeat).

create table telegram_event_subscriptions (
  telegram_user_id bigint primary key,
  chat_id bigint not null,
  enabled boolean not null,
  -- When it was (last) turned on: nothing from before is told.
  since_at timestamptz not null,
  -- Events at or after this time are candidates; it trails the newest told event by an overlap, so
  -- one committed late (an older timestamp) is still seen, and the deliveries below stop a repeat.
  cursor_at timestamptz not null,
  -- Rate limit: messages sent since window_started_at.
  window_started_at timestamptz,
  window_count int not null default 0,
  updated_at timestamptz not null default now()
);
create index telegram_event_subscriptions_enabled on telegram_event_subscriptions (telegram_user_id) where enabled;

create table telegram_event_deliveries (
  telegram_user_id bigint not null,
  event_key text not null,
  event_at timestamptz not null,
  primary key (telegram_user_id, event_key)
);

create table discord_event_subscriptions (
  discord_user_id text primary key,
  enabled boolean not null,
  since_at timestamptz not null,
  cursor_at timestamptz not null,
  window_started_at timestamptz,
  window_count int not null default 0,
  updated_at timestamptz not null default now()
);
create index discord_event_subscriptions_enabled on discord_event_subscriptions (discord_user_id) where enabled;

create table discord_event_deliveries (
  discord_user_id text not null,
  event_key text not null,
  event_at timestamptz not null,
  primary key (discord_user_id, event_key)
);
