import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway, Intent } from './fakeGateway.ts';
import { createRestRouter } from './fakeRest.ts';
import { type FakeInteraction, FakeState, type StoredAttachment } from './fakeState.ts';
import { FakeUsers } from './fakeUsers.ts';
import { parseMultipart } from './multipart.ts';
import { guildCreatePayload, snowflake, userPayload } from './payloads.ts';

export type { FakeInteraction, StoredAttachment } from './fakeState.ts';
export { textOf } from './interactionPayloads.ts';

/**
 * A local Discord: REST under /api/v10 and a JSON gateway on one 127.0.0.1 port. Point the real
 * discord.js client at it with `rest: { api: fake.apiUrl }` and the fake's token; the gateway
 * URL comes from GET /gateway/bot. One guild with roles, text channels and members; tests add
 * people, then act as them (commands, buttons, modals, reactions) and read what the bot sent.
 */
export class FakeDiscord extends FakeUsers {
  readonly gateway: FakeGateway;
  private readonly server: http.Server;
  url = '';

  private constructor(state: FakeState, heartbeatIntervalMs?: number) {
    super(state);
    const s = state;
    this.gateway = new FakeGateway(
      {
        token: s.token,
        readyPayload: (sessionId, shard, resumeUrl) => ({
          v: 10,
          user: { ...userPayload(s.botUser), verified: true, mfa_enabled: false },
          guilds: [{ id: s.guildId, unavailable: true }],
          session_id: sessionId,
          resume_gateway_url: resumeUrl,
          shard,
          application: { id: s.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          user_settings: {},
          presences: [],
          geo_ordered_rtc_regions: [],
          guild_join_requests: [],
          auth_session_id_hash: sessionId,
        }),
        guildPayloads: () => [{ id: s.guildId, payload: this.guildPayload() }],
      },
      heartbeatIntervalMs,
    );
    const router = createRestRouter(s, this.gateway, () => this.url);
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (req.method === 'GET' && url.pathname.startsWith('/attachments/')) {
          const a = s.attachments.get(url.pathname.split('/')[2]);
          if (!a) return res.writeHead(404).end();
          s.downloads.push(a.id);
          return res.writeHead(200, { 'content-type': a.contentType }).end(a.content);
        }
        // `@original` and `@me` arrive percent-encoded; emoji stay encoded for their routes to decode.
        const path = url.pathname.replace(/^\/api\/v10/, '').replace(/%40/g, '@');
        const bytes = Buffer.concat(chunks);
        const raw = bytes.toString('utf8');
        let body: Record<string, unknown> = {};
        const type = req.headers['content-type'] ?? '';
        let json = type.startsWith('application/json');
        if (raw && json) body = JSON.parse(raw);
        // Messages with files arrive as multipart: payload_json plus files[n], as Discord takes them.
        const multipart = type.startsWith('multipart/form-data') ? parseMultipart(bytes, type) : null;
        if (multipart) {
          body = { ...JSON.parse(multipart.fields.payload_json ?? '{}'), files: multipart.files };
          json = true;
        }
        const result =
          raw && !json
            ? { status: 400, body: { message: 'The fake only accepts JSON bodies', code: 50035 } }
            : router.route(req.method ?? 'GET', path, url.searchParams, body, req.headers.authorization);
        const entry = { method: req.method ?? 'GET', path, status: result.status, body };
        s.requests.push(entry);
        if (result.status === 404 && (result.body as { code?: number })?.code === 0) s.unhandled.push(entry);
        s.changed();
        if (result.body === undefined) return res.writeHead(result.status).end();
        res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
      });
    });
    this.server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  static async start(opts: { heartbeatIntervalMs?: number } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(new FakeState(), opts.heartbeatIntervalMs);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    fake.gateway.url = fake.url.replace(/^http/, 'ws');
    fake.state.attachmentBaseUrl = `${fake.url}/attachments`;
    fake.state.ownerId = fake.addUser('server-owner').id;
    fake.addChannel('general');
    return fake;
  }

  /** What discord.js takes as `rest.api`: it appends /v10 itself. */
  get apiUrl(): string {
    return `${this.url}/api`;
  }
  get token(): string {
    return this.state.token;
  }
  get applicationId(): string {
    return this.state.applicationId;
  }
  get guildId(): string {
    return this.state.guildId;
  }
  get botUserId(): string {
    return this.state.botUser.id;
  }

  private guildPayload() {
    const s = this.state;
    const members = [...s.memberRoles].map(([id, roleIds]) => ({ user: s.users.get(id)!, roleIds }));
    return guildCreatePayload({
      id: s.guildId,
      name: s.guildName,
      ownerId: s.ownerId,
      roles: s.roles,
      channels: [...s.channels.values()],
      members,
      joinedAt: s.joinedAt,
    });
  }

  /** A file a user is about to upload; `size` may be set to what Discord would report. */
  attachment(filename: string, content: Buffer | string, opts: { size?: number } = {}): StoredAttachment {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const type = filename.endsWith('.jsonl')
      ? 'application/jsonl'
      : filename.endsWith('.md')
        ? 'text/markdown'
        : 'text/plain';
    const a = {
      id: snowflake(),
      filename,
      content: bytes,
      size: opts.size ?? bytes.length,
      contentType: `${type}; charset=utf-8`,
    };
    this.state.attachments.set(a.id, a);
    return a;
  }

  /**
   * Resolves with `check`'s first truthy result (a check may be async, e.g. read the database),
   * re-checking whenever the bot talks to the fake and every few milliseconds.
   */
  waitFor<T>(
    check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
    what = 'condition',
    timeoutMs = 20_000,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      let busy = false;
      let finished = false;
      const attempt = async () => {
        if (busy || finished) return;
        busy = true;
        try {
          const value = await check();
          if (value && !finished) {
            done();
            resolve(value);
          }
        } catch (error) {
          done();
          reject(error);
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(attempt, 25);
      const timeout = setTimeout(() => {
        done();
        reject(new Error(`Timed out waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        finished = true;
        clearInterval(timer);
        clearTimeout(timeout);
        this.state.off('change', attempt);
      };
      this.state.on('change', attempt);
      void attempt();
    });
  }

  /**
   * The bot's answer to an interaction: its latest follow-up (where a refusal lands after a public
   * "thinking…" is withdrawn), else the response once it is no longer "thinking…".
   */
  reply(ix: FakeInteraction): Promise<NonNullable<FakeInteraction['original']>> {
    return this.waitFor(
      () => ix.followups.at(-1) ?? (ix.original && (ix.original.flags & 128) === 0 ? ix.original : null),
      `a reply to ${ix.id}`,
    );
  }

  get connected(): boolean {
    return this.gateway.connected > 0;
  }

  /** Dispatches an event the bot identified for (used by tests for events the fake lacks a verb for). */
  dispatch(t: string, d: unknown, intent = Intent.Guilds): number {
    return this.gateway.dispatch(t, d, this.state.guildId, intent);
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
