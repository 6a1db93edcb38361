import { type FakeGateway, Intent } from './fakeGateway.ts';
import { apiError, type Route } from './fakeRest.ts';
import type { FakeState } from './fakeState.ts';
import {
  channelPayload,
  memberPayload,
  messagePayload,
  type StoredMessage,
  userPayload,
} from './payloads.ts';

/**
 * Adds or removes one user's reaction and, when that changed anything, dispatches the gateway
 * event Discord would (ADD carries the member, as in guilds). Used by the bot's REST calls and by
 * people reacting in tests alike. Returns whether the state changed.
 */
export function applyReaction(
  s: FakeState,
  gateway: FakeGateway,
  m: StoredMessage,
  emoji: string,
  userId: string,
  add: boolean,
): boolean {
  const users = m.reactions.get(emoji) ?? [];
  if (add === users.includes(userId)) return false;
  const next = add ? [...users, userId] : users.filter((u) => u !== userId);
  if (next.length) m.reactions.set(emoji, next);
  else m.reactions.delete(emoji);
  gateway.dispatch(
    add ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE',
    reactionEvent(s, m, emoji, userId, add),
    m.guildId,
    Intent.GuildMessageReactions,
  );
  s.changed();
  return true;
}

export function reactionEvent(s: FakeState, m: StoredMessage, emoji: string, userId: string, add: boolean) {
  const base = {
    user_id: userId,
    channel_id: m.channelId,
    message_id: m.id,
    ...(m.guildId ? { guild_id: m.guildId } : {}),
    emoji: { id: null, name: emoji },
    burst: false,
    type: 0,
  };
  if (!add || !m.guildId) return base;
  const user = s.users.get(userId) ?? s.botUser;
  const member = memberPayload(user, s.memberRoles.get(userId) ?? [], s.joinedAt);
  return { ...base, member, message_author_id: m.author.id, burst_colors: [] };
}

/** Channels, messages, reactions and DMs, as the bot uses them. */
export function messageRoutes(s: FakeState, gateway: FakeGateway): Route[] {
  const msgIn = (cid: string, mid: string) => {
    const m = s.messages.get(mid);
    return m && m.channelId === cid ? m : undefined;
  };
  const emit = (t: string, m: StoredMessage) => {
    const payload = messagePayload(m, s.botUser.id);
    gateway.dispatch(t, payload, m.guildId, m.guildId ? Intent.GuildMessages : Intent.DirectMessages);
    return { status: 200, body: payload };
  };
  const react = (cid: string, mid: string, emoji: string, userId: string, add: boolean) => {
    const m = msgIn(cid, mid);
    if (!m) return apiError(404, 10008, 'Unknown Message');
    applyReaction(s, gateway, m, decodeURIComponent(emoji), userId, add);
    return { status: 204 };
  };

  return [
    [
      'GET',
      /^\/channels\/(\d+)$/,
      ([, id]) => {
        const c = s.channels.get(id);
        return c ? { status: 200, body: channelPayload(c) } : apiError(404, 10003, 'Unknown Channel');
      },
    ],
    [
      'POST',
      /^\/channels\/(\d+)\/messages$/,
      ([, cid], body) => {
        const c = s.channels.get(cid);
        if (!c) return apiError(404, 10003, 'Unknown Channel');
        if (c.type === 1 && c.recipientId && s.dmsClosed.has(c.recipientId)) {
          return apiError(403, 50007, 'Cannot send messages to this user');
        }
        return emit('MESSAGE_CREATE', s.newMessage(cid, s.botUser, body));
      },
    ],
    [
      'GET',
      /^\/channels\/(\d+)\/messages\/(\d+)$/,
      ([, cid, mid]) => {
        const m = msgIn(cid, mid);
        return m
          ? { status: 200, body: messagePayload(m, s.botUser.id) }
          : apiError(404, 10008, 'Unknown Message');
      },
    ],
    [
      'PATCH',
      /^\/channels\/(\d+)\/messages\/(\d+)$/,
      ([, cid, mid], body) => {
        const m = msgIn(cid, mid);
        if (!m) return apiError(404, 10008, 'Unknown Message');
        if (m.author.id !== s.botUser.id) {
          return apiError(403, 50005, 'Cannot edit a message authored by another user');
        }
        return emit('MESSAGE_UPDATE', s.editMessage(m, body));
      },
    ],
    [
      'PUT',
      /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/,
      ([, cid, mid, e]) => react(cid, mid, e, s.botUser.id, true),
    ],
    [
      'DELETE',
      /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/(@me|\d+)$/,
      ([, cid, mid, e, who]) => react(cid, mid, e, who === '@me' ? s.botUser.id : who, false),
    ],
    [
      'POST',
      /^\/users\/@me\/channels$/,
      (_m, body) => {
        const u = s.users.get(String(body.recipient_id));
        if (!u) return apiError(400, 50033, 'Invalid Recipient(s)');
        const c = s.dmChannelOf(u.id);
        return { status: 200, body: { ...channelPayload(c), recipients: [userPayload(u)] } };
      },
    ],
  ];
}
