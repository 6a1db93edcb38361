-- Per-server settings a Discord server's admins make with /settings. They replace the guild-wide
-- DISCORD_REVIEW_CHANNEL(S) and ROLE_PERMISSIONS variables for that server; where a server has
-- set nothing, those variables still apply.

-- Where a datanet's new contributions are posted for review. One post per contribution
-- (discord_review_posts), so if two servers name a channel for the same datanet the latest wins.
create table discord_review_channels (
  guild_id bigint not null,
  datanet_id bigint not null references datanets (id),
  channel_id bigint not null,
  updated_at timestamptz not null default now(),
  primary key (guild_id, datanet_id)
);
create index discord_review_channels_datanet on discord_review_channels (datanet_id, updated_at desc);

-- Which of the server's roles (by id) hold a reserved permission (datanet.create, train, ...).
-- A permission with no row here follows ROLE_PERMISSIONS.
create table discord_role_permissions (
  guild_id bigint not null,
  permission text not null check (length(permission) between 1 and 64),
  role_ids text[] not null check (cardinality(role_ids) between 1 and 100),
  updated_at timestamptz not null default now(),
  primary key (guild_id, permission)
);
