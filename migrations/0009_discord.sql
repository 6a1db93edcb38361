-- Discord adapter state. Nothing here is domain data: contributions, votes and balances stay in
-- the core tables; these only remember which review posts the bot made.

-- Review posts: one message per contribution in the datanet's review channel. A row is claimed
-- before posting (so two bot processes never post the same contribution), filled in with the
-- message once sent, and marked when the outcome has been shown on it.
create table discord_review_posts (
  contribution_id bigint primary key references contributions (id),
  channel_id bigint,
  message_id bigint unique,
  claimed_at timestamptz not null default now(),
  posted_at timestamptz,
  outcome_shown_at timestamptz
);
create index discord_review_posts_open on discord_review_posts (contribution_id)
  where message_id is not null and outcome_shown_at is null;
