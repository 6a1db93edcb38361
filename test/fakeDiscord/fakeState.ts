import { EventEmitter } from 'node:events';
import type { UploadedFile } from './multipart.ts';
import { type FakeChannel, type FakeRole, type FakeUser, type StoredMessage, snowflake } from './payloads.ts';

export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  user: FakeUser;
  channelId: string;
  /** The INTERACTION_CREATE payload as delivered. */
  payload: Record<string, unknown>;
  /** Every callback the bot posted, in order (a second one is refused, as Discord does). */
  callbacks: { type: number; data?: Record<string, unknown> }[];
  /** The response message (for component interactions: the message the component was on). */
  original: StoredMessage | null;
  followups: StoredMessage[];
  modal: Record<string, unknown> | null;
  choices: { name: string; value: string | number }[] | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  content: Buffer;
  /** What Discord reports; a test can make it disagree with the bytes. */
  size: number;
  contentType: string;
}

/** The files of a multipart body, with the description its `attachments` entry gave each. */
function uploadedFiles(data: Record<string, unknown>): StoredMessage['files'] {
  const files = (data.files as UploadedFile[] | undefined) ?? [];
  const described = (data.attachments as { id: number | string; description?: string }[] | undefined) ?? [];
  return files.map((f) => {
    const index = /\[(\d+)\]/.exec(f.field)?.[1];
    const meta = described.find((a) => String(a.id) === index);
    return {
      filename: f.filename,
      contentType: f.contentType,
      content: f.content,
      ...(meta?.description ? { description: meta.description } : {}),
    };
  });
}

/** Everything the fake knows; REST handlers and the test-facing API both work on this. */
export class FakeState extends EventEmitter {
  readonly token = `fake.${snowflake()}.token`;
  readonly applicationId = snowflake();
  readonly botUser: FakeUser = { id: this.applicationId, username: 'Potluck', globalName: null, bot: true };
  readonly guildId = snowflake();
  readonly guildName = 'Potluck Community';
  readonly joinedAt = new Date().toISOString();
  ownerId = '';
  readonly roles: FakeRole[] = [{ id: this.guildId, name: '@everyone' }];
  readonly channels = new Map<string, FakeChannel>();
  readonly users = new Map<string, FakeUser>();
  readonly memberRoles = new Map<string, string[]>();
  /** Users who turned off DMs from server members: DMs to them fail with 50007. */
  readonly dmsClosed = new Set<string>();
  readonly messages = new Map<string, StoredMessage>();
  readonly commands = {
    global: [] as Record<string, unknown>[],
    guild: new Map<string, Record<string, unknown>[]>(),
  };
  readonly interactions = new Map<string, FakeInteraction>();
  readonly interactionsByToken = new Map<string, FakeInteraction>();
  readonly attachments = new Map<string, StoredAttachment>();
  readonly requests: RecordedRequest[] = [];
  /** Attachment ids in the order they were downloaded (from the CDN side, not the API). */
  readonly downloads: string[] = [];
  /** Where attachment files are served; set once the server listens. */
  attachmentBaseUrl = '';
  /** Requests the fake had no route for: a test should expect none. */
  readonly unhandled: RecordedRequest[] = [];

  constructor() {
    super();
    this.setMaxListeners(100);
    this.users.set(this.botUser.id, this.botUser);
    this.memberRoles.set(this.botUser.id, []);
  }

  /** Signals a change so waiters re-check their condition. */
  changed(): void {
    this.emit('change');
  }

  newMessage(
    channelId: string,
    author: FakeUser,
    data: Record<string, unknown>,
    extra: Partial<StoredMessage> = {},
  ): StoredMessage {
    const channel = this.channels.get(channelId);
    const m: StoredMessage = {
      id: snowflake(),
      channelId,
      guildId: channel?.guildId ?? null,
      author,
      content: String(data.content ?? ''),
      embeds: (data.embeds as unknown[]) ?? [],
      components: (data.components as unknown[]) ?? [],
      flags: Number(data.flags ?? 0),
      timestamp: new Date().toISOString(),
      editedTimestamp: null,
      reactions: new Map(),
      history: [],
      files: [],
      ...extra,
    };
    if ('files' in data) m.files = uploadedFiles(data);
    m.history.push({ content: m.content, embeds: m.embeds, components: m.components });
    this.messages.set(m.id, m);
    return m;
  }

  /** Applies a PATCH body: fields present replace, absent ones stay. */
  editMessage(m: StoredMessage, data: Record<string, unknown>): StoredMessage {
    if ('content' in data) m.content = String(data.content ?? '');
    if ('embeds' in data) m.embeds = (data.embeds as unknown[]) ?? [];
    if ('components' in data) m.components = (data.components as unknown[]) ?? [];
    if ('files' in data) m.files = uploadedFiles(data);
    if ('flags' in data && data.flags !== undefined) m.flags = (m.flags & 64) | Number(data.flags);
    // An edit ends the "thinking…" state of a deferred reply.
    m.flags &= ~128;
    m.editedTimestamp = new Date().toISOString();
    m.history.push({ content: m.content, embeds: m.embeds, components: m.components });
    return m;
  }

  dmChannelOf(userId: string): FakeChannel {
    for (const c of this.channels.values()) if (c.type === 1 && c.recipientId === userId) return c;
    const c: FakeChannel = { id: snowflake(), type: 1, name: null, guildId: null, recipientId: userId };
    this.channels.set(c.id, c);
    return c;
  }
}
