import type { FakeState, StoredAttachment } from './fakeState.ts';
import {
  channelPayload,
  type FakeUser,
  memberPayload,
  rolePayload,
  type StoredMessage,
  snowflake,
  userPayload,
} from './payloads.ts';

type Def = { name: string; type: number; required?: boolean; options?: Def[] };
export type OptionValue = string | number | boolean | StoredAttachment;

/** The fields every guild interaction carries, built as Discord builds them. */
export function interactionBase(s: FakeState, type: number, user: FakeUser, channelId: string) {
  const channel = s.channels.get(channelId);
  if (!channel) throw new Error(`No channel ${channelId} in the fake`);
  return {
    id: snowflake(),
    application_id: s.applicationId,
    type,
    token: `aW50ZXJhY3Rpb24${snowflake()}${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: s.guildId,
    guild: { id: s.guildId, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: channelPayload(channel),
    member: memberPayload(user, s.memberRoles.get(user.id) ?? [], s.joinedAt),
    app_permissions: '2248473465835073',
    locale: user.locale ?? 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': s.guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/**
 * `data` of an APPLICATION_COMMAND (or AUTOCOMPLETE) interaction for "name sub" with option
 * values, typed from the command the bot registered: a command or option the bot never
 * registered cannot be sent, just as a Discord client would not offer it.
 */
export function commandData(
  s: FakeState,
  path: string,
  values: Record<string, OptionValue>,
  focused?: string,
): Record<string, unknown> {
  const [name, ...subs] = path.split(' ');
  const registered = [...(s.commands.guild.get(s.guildId) ?? []), ...s.commands.global];
  const cmd = registered.find((c) => c.name === name) as (Def & { id: string }) | undefined;
  if (!cmd) throw new Error(`The bot registered no /${name} command`);
  let defs = cmd.options ?? [];
  const wrappers: Def[] = [];
  for (const sub of subs) {
    const d = defs.find((o) => o.name === sub && (o.type === 1 || o.type === 2));
    if (!d) throw new Error(`/${name} has no subcommand ${sub}`);
    wrappers.push(d);
    defs = d.options ?? [];
  }
  const attachments: Record<string, unknown> = {};
  const users: Record<string, unknown> = {};
  const members: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  let options: unknown[] = Object.entries(values).map(([key, value]) => {
    const def = defs.find((o) => o.name === key);
    if (!def) throw new Error(`/${path} has no option ${key}`);
    if (def.type === 11) {
      const a = value as StoredAttachment;
      attachments[a.id] = attachmentPayload(s, a);
      return { name: key, type: 11, value: a.id };
    }
    if (def.type === 6) {
      // A user option carries the id; Discord adds the user (and member) under `resolved`.
      const user = s.users.get(String(value));
      if (!user) throw new Error(`No user ${value} in the fake`);
      users[user.id] = userPayload(user);
      members[user.id] = {
        roles: s.memberRoles.get(user.id) ?? [],
        joined_at: s.joinedAt,
        deaf: false,
        mute: false,
        flags: 0,
        permissions: '0',
      };
      return { name: key, type: 6, value: user.id };
    }
    if (def.type === 7) {
      const channel = s.channels.get(String(value));
      if (!channel) throw new Error(`No channel ${value} in the fake`);
      channels[channel.id] = { ...channelPayload(channel), permissions: '2248473465835073' };
      return { name: key, type: 7, value: channel.id };
    }
    if (def.type === 8) {
      const index = s.roles.findIndex((r) => r.id === String(value));
      if (index < 0) throw new Error(`No role ${value} in the fake`);
      roles[String(value)] = rolePayload(s.roles[index], index);
      return { name: key, type: 8, value: String(value) };
    }
    return { name: key, type: def.type, value, ...(focused === key ? { focused: true } : {}) };
  });
  if (!focused) {
    const missing = defs.filter((d) => d.required && !(d.name in values)).map((d) => d.name);
    if (missing.length) throw new Error(`/${path} needs ${missing.join(', ')}`);
  }
  for (const w of wrappers.reverse()) options = [{ name: w.name, type: w.type, options }];
  return {
    id: cmd.id,
    name,
    type: 1,
    guild_id: s.guildId,
    options,
    ...(Object.keys({ ...attachments, ...users, ...channels, ...roles }).length
      ? {
          resolved: {
            ...(Object.keys(attachments).length ? { attachments } : {}),
            ...(Object.keys(users).length ? { users, members } : {}),
            ...(Object.keys(channels).length ? { channels } : {}),
            ...(Object.keys(roles).length ? { roles } : {}),
          },
        }
      : {}),
  };
}

export function attachmentPayload(s: FakeState, a: StoredAttachment) {
  const url = `${s.attachmentBaseUrl}/${a.id}/${encodeURIComponent(a.filename)}?ex=1&is=1&hm=abc`;
  return {
    id: a.id,
    filename: a.filename,
    size: a.size,
    url,
    proxy_url: url,
    content_type: a.contentType,
    ephemeral: true,
  };
}

type ModalPart = {
  type: number;
  id?: number;
  custom_id?: string;
  required?: boolean;
  value?: string;
  component?: ModalPart;
  components?: ModalPart[];
};

/** A MODAL_SUBMIT's components, mirroring the modal the bot showed, with the user's values. */
export function modalSubmitComponents(modal: Record<string, unknown>, values: Record<string, string>) {
  const fill = (c: ModalPart): unknown => {
    if (c.type === 4) {
      // A prefilled field the user leaves alone is submitted with its prefilled value.
      const value = values[c.custom_id ?? ''] ?? c.value;
      if (value === undefined && c.required !== false) throw new Error(`The modal needs ${c.custom_id}`);
      return { type: 4, id: c.id, custom_id: c.custom_id, value: value ?? '' };
    }
    if (c.component) return { type: c.type, id: c.id, component: fill(c.component) };
    if (c.components) return { type: c.type, id: c.id, components: c.components.map(fill) };
    return { type: c.type, id: c.id };
  };
  return ((modal.components as ModalPart[]) ?? []).map(fill);
}

/** Everything a person reads in a message: content, embed text and button labels. */
export function textOf(
  m: Pick<StoredMessage, 'content' | 'embeds' | 'components'> | null | undefined,
): string {
  if (!m) return '';
  const parts: string[] = [m.content];
  for (const e of m.embeds as Record<string, unknown>[]) {
    const fields = (e.fields as { name: string; value: string }[]) ?? [];
    const footer = e.footer as { text?: string } | undefined;
    const author = e.author as { name?: string } | undefined;
    parts.push(String(author?.name ?? ''), String(e.title ?? ''), String(e.description ?? ''));
    for (const f of fields) parts.push(`${f.name}: ${f.value}`);
    parts.push(String(footer?.text ?? ''));
  }
  const walk = (c: Record<string, unknown>) => {
    if (c.label) parts.push(`[${c.label}]`);
    if (typeof c.content === 'string') parts.push(c.content);
    for (const child of (c.components as Record<string, unknown>[]) ?? []) walk(child);
  };
  for (const c of m.components as Record<string, unknown>[]) walk(c);
  return parts.filter(Boolean).join('\n');
}
