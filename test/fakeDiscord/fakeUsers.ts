import { type FakeGateway, Intent } from './fakeGateway.ts';
import type { FakeInteraction, FakeState } from './fakeState.ts';
import {
  commandData,
  interactionBase,
  modalSubmitComponents,
  type OptionValue,
} from './interactionPayloads.ts';
import { applyReaction, reactionEvent } from './messageRoutes.ts';
import {
  ADMIN_PERMISSIONS,
  type FakeChannel,
  type FakeRole,
  type FakeUser,
  messagePayload,
  rolePayload,
  type StoredMessage,
  snowflake,
} from './payloads.ts';

/** The people side of the fake: set up the guild, then act as a member and see what they see. */
export abstract class FakeUsers {
  abstract readonly gateway: FakeGateway;
  defaultChannelId = '';

  constructor(readonly state: FakeState) {}

  addRole(name: string): FakeRole {
    const role = { id: snowflake(), name };
    this.state.roles.push(role);
    this.gateway?.dispatch(
      'GUILD_ROLE_CREATE',
      { guild_id: this.state.guildId, role: rolePayload(role, this.state.roles.length - 1) },
      this.state.guildId,
      Intent.Guilds,
    );
    return role;
  }

  /** `locale` is the user's Discord client language (what interactions carry), en-US unless set. */
  /** `admin`: the member has Administrator and Manage Server (a server admin). */
  addUser(
    name: string,
    opts: { roles?: FakeRole[]; dmsClosed?: boolean; locale?: string; admin?: boolean } = {},
  ): FakeUser {
    const user: FakeUser = {
      id: snowflake(),
      username: name.toLowerCase(),
      globalName: name,
      bot: false,
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.admin ? { permissions: ADMIN_PERMISSIONS } : {}),
    };
    this.state.users.set(user.id, user);
    this.state.memberRoles.set(
      user.id,
      (opts.roles ?? []).map((r) => r.id),
    );
    if (opts.dmsClosed) this.state.dmsClosed.add(user.id);
    return user;
  }

  addChannel(name: string): FakeChannel {
    const c: FakeChannel = { id: snowflake(), type: 0, name, guildId: this.state.guildId };
    this.state.channels.set(c.id, c);
    if (!this.defaultChannelId) this.defaultChannelId = c.id;
    return c;
  }

  private deliver(payload: Record<string, unknown>, user: FakeUser, original: StoredMessage | null = null) {
    const ix: FakeInteraction = {
      id: String(payload.id),
      token: String(payload.token),
      type: Number(payload.type),
      user,
      channelId: String(payload.channel_id),
      payload,
      callbacks: [],
      original,
      followups: [],
      modal: null,
      choices: null,
    };
    this.state.interactions.set(ix.id, ix);
    this.state.interactionsByToken.set(ix.token, ix);
    this.gateway.dispatch('INTERACTION_CREATE', payload, this.state.guildId);
    return ix;
  }

  /** `/path` as `user`, e.g. `command(poet, 'datanet create', { name: 'Persian Poetry' })`. */
  command(
    user: FakeUser,
    path: string,
    values: Record<string, OptionValue> = {},
    opts: { channelId?: string } = {},
  ): FakeInteraction {
    const base = interactionBase(this.state, 2, user, opts.channelId ?? this.defaultChannelId);
    return this.deliver({ ...base, data: commandData(this.state, path, values) }, user);
  }

  /** Typing into an autocomplete option; resolves with the choices the bot offered. */
  async autocomplete(
    user: FakeUser,
    path: string,
    values: Record<string, OptionValue>,
    focused: string,
  ): Promise<NonNullable<FakeInteraction['choices']>> {
    const base = interactionBase(this.state, 4, user, this.defaultChannelId);
    const ix = this.deliver({ ...base, data: commandData(this.state, path, values, focused) }, user);
    return this.waitFor(() => ix.choices, `autocomplete choices for ${path}`);
  }

  /** Pressing the button `customId` on `message`. */
  click(user: FakeUser, message: StoredMessage, customId: string): FakeInteraction {
    const base = interactionBase(this.state, 3, user, message.channelId);
    const payload = {
      ...base,
      message: messagePayload(message, this.state.botUser.id),
      data: { custom_id: customId, component_type: 2 },
    };
    return this.deliver(payload, user, message);
  }

  /** Filling in and submitting the modal the bot showed in answer to `from`. */
  submitModal(user: FakeUser, from: FakeInteraction, values: Record<string, string>): FakeInteraction {
    if (!from.modal) throw new Error(`Interaction ${from.id} showed no modal`);
    const base = interactionBase(this.state, 5, user, from.channelId);
    const data = { custom_id: from.modal.custom_id, components: modalSubmitComponents(from.modal, values) };
    const message =
      from.type === 3 && from.original
        ? { message: messagePayload(from.original, this.state.botUser.id) }
        : {};
    return this.deliver({ ...base, ...message, data }, user, from.type === 3 ? from.original : null);
  }

  /** Discord delivering the same interaction a second time (same id and token). */
  redeliver(ix: FakeInteraction): void {
    this.gateway.dispatch('INTERACTION_CREATE', ix.payload, this.state.guildId);
  }

  react(user: FakeUser, message: StoredMessage, emoji: string): void {
    applyReaction(this.state, this.gateway, message, emoji, user.id, true);
  }

  unreact(user: FakeUser, message: StoredMessage, emoji: string): void {
    applyReaction(this.state, this.gateway, message, emoji, user.id, false);
  }

  /** Re-sends a reaction event without changing state, as a gateway replay would. */
  redeliverReaction(user: FakeUser, message: StoredMessage, emoji: string): void {
    const event = reactionEvent(this.state, message, emoji, user.id, true);
    this.gateway.dispatch('MESSAGE_REACTION_ADD', event, message.guildId, Intent.GuildMessageReactions);
  }

  /** Messages everyone sees in a channel (no ephemeral ones), oldest first. */
  channelMessages(channelId: string): StoredMessage[] {
    return [...this.state.messages.values()].filter((m) => m.channelId === channelId && (m.flags & 64) === 0);
  }

  /** Direct messages the bot sent to `user`. */
  dms(user: FakeUser): StoredMessage[] {
    const dm = [...this.state.channels.values()].find((c) => c.type === 1 && c.recipientId === user.id);
    return dm ? this.channelMessages(dm.id) : [];
  }

  abstract waitFor<T>(
    check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
    what?: string,
    timeoutMs?: number,
  ): Promise<T>;
}
