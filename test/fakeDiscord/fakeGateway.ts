import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { snowflake } from './payloads.ts';

export const Intent = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
} as const;

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
};

interface Session {
  socket: WebSocket;
  id: string;
  intents: number;
  seq: number;
  shard: [number, number];
}

export interface GatewayHooks {
  token: string;
  readyPayload(sessionId: string, shard: [number, number], resumeUrl: string): unknown;
  guildPayloads(): { id: string; payload: unknown }[];
}

/**
 * The gateway half of the fake: speaks JSON (no zlib) over WebSocket. HELLO, then IDENTIFY with
 * the bot token gets READY followed by a GUILD_CREATE for each guild READY listed (discord.js
 * waits for all of them before `clientReady`). Heartbeats are acknowledged. Dispatches honour the
 * intents the client identified with, as Discord does, so a missing intent shows up as a missing
 * event in tests rather than in production.
 */
export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  readonly log: { op: number; t?: string; d?: unknown }[] = [];
  heartbeats = 0;
  url = '';

  constructor(
    private readonly hooks: GatewayHooks,
    /** Discord's is 41.25 s; a test can shorten it to see heartbeats and their ACKs. */
    private readonly heartbeatIntervalMs = 41_250,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    if (query.get('encoding') !== 'json' || query.has('compress')) {
      // Real Discord would speak etf or zlib here; the fake only does plain JSON.
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(socket: WebSocket): void {
    const session: Session = { socket, id: '', intents: 0, seq: 0, shard: [0, 1] };
    socket.send(
      JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
    socket.on('message', (raw) => this.receive(session, raw.toString()));
    socket.on('close', () => this.sessions.delete(session));
  }

  private receive(session: Session, raw: string): void {
    const msg = JSON.parse(raw) as { op: number; d: Record<string, unknown> | number | null };
    this.log.push({ op: msg.op, d: msg.op === Op.Identify ? { ...(msg.d as object), token: '…' } : msg.d });
    if (msg.op === Op.Heartbeat) {
      this.heartbeats += 1;
      session.socket.send(JSON.stringify({ op: Op.HeartbeatAck, d: null, s: null, t: null }));
      return;
    }
    if (msg.op === Op.Identify) {
      const d = msg.d as { token: string; intents: number; shard?: [number, number] };
      if (d.token !== this.hooks.token && d.token !== `Bot ${this.hooks.token}`) {
        session.socket.close(4004, 'Authentication failed.');
        return;
      }
      session.id = snowflake();
      session.intents = d.intents;
      session.shard = d.shard ?? [0, 1];
      this.sessions.add(session);
      this.send(session, 'READY', this.hooks.readyPayload(session.id, session.shard, this.url));
      for (const g of this.hooks.guildPayloads()) {
        if (this.ownsGuild(session, g.id)) this.send(session, 'GUILD_CREATE', g.payload);
      }
      return;
    }
    if (msg.op === Op.Resume) {
      // Sessions are not kept across connections: the client must identify again.
      session.socket.send(JSON.stringify({ op: Op.InvalidSession, d: false, s: null, t: null }));
    }
  }

  /** Discord routes a guild's events to shard (guild_id >> 22) % shard_count. */
  private ownsGuild(session: Session, guildId: string | null): boolean {
    if (!guildId) return session.shard[0] === 0;
    return Number((BigInt(guildId) >> 22n) % BigInt(session.shard[1])) === session.shard[0];
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    this.log.push({ op: Op.Dispatch, t, d });
    session.socket.send(JSON.stringify({ op: Op.Dispatch, t, s: session.seq, d }));
  }

  /** Sends an event to every session that identified with `intent` (0: no intent needed). */
  dispatch(t: string, d: unknown, guildId: string | null, intent = 0): number {
    let sent = 0;
    for (const s of this.sessions) {
      if (intent && (s.intents & intent) === 0) continue;
      if (!this.ownsGuild(s, guildId)) continue;
      this.send(s, t, d);
      sent += 1;
    }
    return sent;
  }

  get connected(): number {
    return this.sessions.size;
  }

  close(): void {
    for (const s of this.sessions) s.socket.terminate();
    this.wss.close();
  }
}
