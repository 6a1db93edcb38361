/**
 * Builders for the JSON objects Discord sends, shaped like API v10 payloads (snowflake ids as
 * strings, member objects with nested users, full guild objects) so discord.js parses them as it
 * would real ones.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake: milliseconds since the Discord epoch in the high bits, a counter in the low ones. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  locale?: string;
  /** The member's permissions in the guild (an interaction's member.permissions); everyone's defaults unless set. */
  permissions?: string;
}

/** What @everyone may do in the fake guild: no Administrator, no Manage Server. */
export const EVERYONE_PERMISSIONS = '2248473465835073';
/** Administrator (1 << 3) and Manage Server (1 << 5) on top of everyone's. */
export const ADMIN_PERMISSIONS = String(BigInt(EVERYONE_PERMISSIONS) | (1n << 3n) | (1n << 5n));

export interface FakeRole {
  id: string;
  name: string;
}

export interface FakeChannel {
  id: string;
  type: 0 | 1;
  name: string | null;
  guildId: string | null;
  /** For DM channels: the person on the other side. */
  recipientId?: string;
}

export function userPayload(u: FakeUser) {
  return {
    id: u.id,
    username: u.username,
    global_name: u.globalName,
    discriminator: '0',
    avatar: null,
    bot: u.bot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function memberPayload(u: FakeUser, roleIds: string[], joinedAt: string) {
  return {
    user: userPayload(u),
    nick: null,
    avatar: null,
    banner: null,
    roles: roleIds,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    // Only present in interaction payloads; harmless elsewhere.
    permissions: u.permissions ?? EVERYONE_PERMISSIONS,
  };
}

export function rolePayload(r: FakeRole, position: number) {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: position === 0 ? '2248473465835073' : '0',
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function channelPayload(c: FakeChannel, position = 0) {
  if (c.type === 1) {
    return { id: c.id, type: 1, last_message_id: null, flags: 0, recipients: [] as unknown[] };
  }
  return {
    id: c.id,
    type: 0,
    guild_id: c.guildId,
    name: c.name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export interface GuildShape {
  id: string;
  name: string;
  ownerId: string;
  roles: FakeRole[];
  channels: FakeChannel[];
  members: { user: FakeUser; roleIds: string[] }[];
  joinedAt: string;
}

/** GUILD_CREATE's payload: the guild with its channels, roles and (here, all) members. */
export function guildCreatePayload(g: GuildShape) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: g.roles.map((r, i) => rolePayload(r, i)),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: g.joinedAt,
    large: false,
    unavailable: false,
    member_count: g.members.length,
    voice_states: [],
    members: g.members.map((m) => memberPayload(m.user, m.roleIds, g.joinedAt)),
    channels: g.channels.filter((c) => c.type === 0).map((c, i) => channelPayload(c, i)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  author: FakeUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  timestamp: string;
  editedTimestamp: string | null;
  /** Emoji name → ids of the users who reacted with it, in order. */
  reactions: Map<string, string[]>;
  /** Every version of the message, first to last, as the bot sent it. */
  history: { content: string; embeds: unknown[]; components: unknown[] }[];
  /** Files uploaded with the message (multipart `files[n]`), with what `attachments` said of each. */
  files: { filename: string; contentType: string; content: Buffer; description?: string }[];
  webhookId?: string;
  interactionId?: string;
}

export function messagePayload(m: StoredMessage, botUserId: string) {
  return {
    id: m.id,
    channel_id: m.channelId,
    ...(m.guildId ? { guild_id: m.guildId } : {}),
    author: userPayload(m.author),
    content: m.content,
    timestamp: m.timestamp,
    edited_timestamp: m.editedTimestamp,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: m.files.map((f, i) => ({
      id: `${m.id}${i}`,
      filename: f.filename,
      size: f.content.length,
      url: `https://cdn.invalid/${m.id}/${f.filename}`,
      proxy_url: `https://cdn.invalid/${m.id}/${f.filename}`,
      content_type: f.contentType,
      ...(f.description ? { description: f.description } : {}),
    })),
    embeds: m.embeds,
    components: m.components,
    pinned: false,
    type: m.interactionId ? 20 : 0,
    flags: m.flags,
    ...(m.webhookId ? { webhook_id: m.webhookId, application_id: m.webhookId } : {}),
    reactions: [...m.reactions].map(([name, users]) => ({
      emoji: { id: null, name },
      count: users.length,
      count_details: { burst: 0, normal: users.length },
      me: users.includes(botUserId),
      me_burst: false,
      burst_colors: [],
    })),
  };
}
