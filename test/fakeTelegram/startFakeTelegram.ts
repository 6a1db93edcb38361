import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { parseMultipart } from '../fakeDiscord/multipart.ts';
import { handleBotMethod, held } from './handleBotMethod.ts';

/** One Bot API call the bot made, in the order the fake received them. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the fake answered (a sent message has its message_id here). */
  result?: unknown;
  /** Set when the fake refused the call, as Telegram would. */
  error?: string;
}

export interface FakeFile {
  fileId: string;
  filePath: string;
  content: Buffer;
}

/** Shared state of the fake; `handleBotMethod` reads and writes it. */
export interface FakeState {
  token: string;
  botUser: { id: number; is_bot: true; first_name: string; username: string };
  calls: RecordedCall[];
  queue: Update[];
  files: Map<string, FakeFile>;
  webhook: { url: string; secret?: string } | null;
  nextMessageId: number;
  /** Current text of each sent message by `chat:message`, for Telegram's "not modified" refusal. */
  messageTexts: Map<string, string>;
  events: EventEmitter;
  /** Requests parked until released (`hold`): a slow Telegram, or a slow download. */
  holds: Hold[];
  /** Refusals to give before answering normally (`rateLimit`): Telegram's 429 flood control. */
  rateLimits: { method: string; left: number; retryAfter: number }[];
  /** The command menus set, by `<scope type>[:<chat id>]|<language or "">`, as getMyCommands reads them. */
  commandMenus: Map<string, { command: string; description: string }[]>;
}

/** A parked request: `method` is the Bot API method, or `file` for a download (payload: file_path). */
export interface Hold {
  match: (method: string, payload: Record<string, unknown>) => boolean;
  released: Promise<void>;
}

export interface FakeTelegram {
  /** The `apiRoot` to give grammy: no trailing slash. */
  apiRoot: string;
  token: string;
  state: FakeState;
  /** Delivers updates: queued for getUpdates, or POSTed to the webhook when one is set. */
  push(...updates: Update[]): Promise<{ status: number }[]>;
  /** POSTs one update to the webhook with a chosen secret header (to prove wrong ones are refused). */
  postToWebhook(update: Update, secret: string | undefined): Promise<{ status: number }>;
  addFile(content: Buffer, filePath: string): FakeFile;
  /**
   * Parks every matching request (recorded as it arrives) until `release` is called, as a slow
   * Telegram would: the bot's handler waits on it mid-update.
   */
  hold(match: Hold['match']): { release(): void };
  /** The next `times` calls of `method` are refused with 429 and `retry_after` seconds. */
  rateLimit(method: string, times: number, retryAfterSeconds: number): void;
  /** Resolves with the first call (already made or future) after index `from` that matches. */
  waitForCall(match: (c: RecordedCall) => boolean, from?: number, timeoutMs?: number): Promise<RecordedCall>;
  callsOf(method: string): RecordedCall[];
  close(): Promise<void>;
}

/**
 * A local Telegram Bot API on 127.0.0.1 speaking the real wire format (`/bot<token>/<method>`,
 * `{ ok, result }` envelopes, `/file/bot<token>/<path>` downloads). grammy talks to it through
 * `apiRoot` with node-fetch, so everything the bot does crosses a real HTTP connection.
 */
export async function startFakeTelegram(token = '123456:TEST-token'): Promise<FakeTelegram> {
  const state: FakeState = {
    token,
    botUser: {
      id: Number(token.split(':')[0]),
      is_bot: true,
      first_name: 'Potluck',
      username: 'potluck_test_bot',
    },
    calls: [],
    queue: [],
    files: new Map(),
    webhook: null,
    nextMessageId: 1000,
    messageTexts: new Map(),
    events: new EventEmitter(),
    holds: [],
    rateLimits: [],
    commandMenus: new Map(),
  };
  state.events.setMaxListeners(100);
  const server = http.createServer((req, res) => {
    void route(state, req, res).catch((error) => {
      res.writeHead(500).end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const postToWebhook = async (update: Update, secret: string | undefined) => {
    if (!state.webhook) throw new Error('no webhook is set');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
    const res = await fetch(state.webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
    await res.arrayBuffer();
    return { status: res.status };
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    state,
    async push(...updates) {
      if (state.webhook) {
        const results = [];
        for (const u of updates) results.push(await postToWebhook(u, state.webhook.secret));
        return results;
      }
      state.queue.push(...updates);
      state.events.emit('update');
      return updates.map(() => ({ status: 200 }));
    },
    postToWebhook,
    addFile(content, filePath) {
      const file = { fileId: `file-${state.files.size + 1}`, filePath, content };
      state.files.set(file.fileId, file);
      return file;
    },
    hold(match) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const hold = { match, released };
      state.holds.push(hold);
      return {
        release() {
          state.holds.splice(state.holds.indexOf(hold), 1);
          release();
        },
      };
    },
    rateLimit(method, times, retryAfter) {
      state.rateLimits.push({ method, left: times, retryAfter });
    },
    waitForCall(match, from = 0, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = state.calls.slice(from).find(match);
          if (!found) return false;
          clearTimeout(timer);
          state.events.off('call', check);
          resolve(found);
          return true;
        };
        // A failure timeout only, so a broken bot fails the test instead of hanging it.
        const timer = setTimeout(() => {
          state.events.off('call', check);
          reject(
            new Error(`no matching Bot API call; calls so far:\n${JSON.stringify(state.calls, null, 1)}`),
          );
        }, timeoutMs);
        if (!check()) state.events.on('call', check);
      });
    },
    callsOf: (method) => state.calls.filter((c) => c.method === method),
    close: () =>
      new Promise<void>((resolve) => {
        state.events.emit('close');
        for (const h of [...state.holds]) h.match = () => false;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(state: FakeState, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://fake');
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
  if (file && req.method === 'GET') {
    const filePath = decodeURIComponent(file[2]);
    const found = [...state.files.values()].find((f) => f.filePath === filePath);
    if (file[1] !== state.token || !found) return void res.writeHead(404).end('Not Found');
    state.calls.push({ method: 'file', payload: { file_path: filePath } });
    state.events.emit('call');
    await held(state, 'file', { file_path: filePath });
    if (res.destroyed) return;
    return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found.content);
  }
  const call = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
  if (!call) return void res.writeHead(404).end('Not Found');
  const send = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (call[1] !== state.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
  const payload = await readPayload(req, url);
  const aborted = new AbortController();
  res.once('close', () => aborted.abort());
  const reply = await handleBotMethod(state, call[2], payload, aborted.signal);
  if (reply.ok) return send(200, { ok: true, result: reply.result });
  return send(reply.errorCode, {
    ok: false,
    error_code: reply.errorCode,
    description: reply.description,
    ...(reply.parameters ? { parameters: reply.parameters } : {}),
  });
}

async function readPayload(req: http.IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const raw = bytes.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  // Uploads (sendPhoto with a file): fields as strings; a file is named by `attach://<part>`.
  const multipart = type.startsWith('multipart/form-data') ? parseMultipart(bytes, type) : null;
  if (multipart) {
    const payload: Record<string, unknown> = { ...multipart.fields };
    for (const [key, value] of Object.entries(multipart.fields)) {
      const part = /^attach:\/\/(.+)$/.exec(value)?.[1];
      const file = part && multipart.files.find((f) => f.field === part);
      if (file) payload[key] = { filename: file.filename, content: file.content };
    }
    for (const f of multipart.files) if (!(f.field in payload)) payload[f.field] = f;
    return payload;
  }
  if (raw && type.includes('application/json')) return JSON.parse(raw);
  if (raw && type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return Object.fromEntries(url.searchParams);
}
