import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, connectHttp } from '../mcp/testing/mcpTestClient.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createLogger } from '../src/shared/createLogger.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { type PaidModel, publishPaidModel } from './support/publishPaidModel.ts';

// Secrets the service is configured with: none may reach a log line, whatever is logged.
const DB_PASSWORD = 'db-Pa55word-never-logged';
const TELEGRAM_TOKEN = '123456789:AAHsecretTelegramBotTokenNeverLogged0';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5.discordsecret.NeverLoggedDiscordToken';
const WEBHOOK_SECRET = 'webhook-secret-never-logged';

let t: TestApp;
let http: HttpServer;
let model: PaidModel;
let client: Client;
let apiKey: string;
const lines: string[] = [];

beforeAll(async () => {
  t = await createTestApp(
    {
      LOG_LEVEL: 'debug',
      DATABASE_URL: `postgres://potluck:${DB_PASSWORD}@db.invalid:5432/potluck`,
      TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      DISCORD_TOKEN,
    },
    { log: createLogger('debug', (line) => void lines.push(line)) },
  );
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  model = await publishPaidModel(t.app);
  ({ apiKey } = await t.app.accounts.createAgent({ name: 'operator check' }));
  client = await connectHttp(`${http.url}/mcp`, apiKey);
  await callOk(client, 'request_faucet', { idempotencyKey: 'ops-faucet' });
}, 180_000);
afterAll(async () => {
  await client?.close();
  await http?.close();
  await t?.cleanup();
});

const paidCall = (key: string) =>
  callOk(client, 'invoke_model', {
    modelId: model.modelId,
    prompt: 'The little model',
    maxTokens: 8,
    idempotencyKey: key,
  });

describe('logs', () => {
  it('are pino JSON lines with request ids from the surface into jobs, and never carry a secret', async () => {
    const paid = await paidCall('log-call');
    expect(paid.replayed).toBe(false);
    // Training through MCP: the job runs later, on the queue, under the MCP request's id.
    const training = await callOk(client, 'start_training_run', {
      datanetId: model.datanetId,
      idempotencyKey: 'log-train',
    });
    await expect
      .poll(() =>
        lines.some((l) => l.includes('"job done"') && l.includes(`"training-run-${training.run.id}"`)),
      )
      .toBe(true);
    const res = await fetch(`${http.url}/health`, { headers: { 'x-request-id': 'probe-42' } });
    expect(res.headers.get('x-request-id')).toBe('probe-42');
    await expect.poll(() => lines.some((l) => l.includes('"probe-42"'))).toBe(true);

    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.every((l) => typeof l.level === 'string' && typeof l.msg === 'string')).toBe(true);
    // The startup line dumps the configuration at debug: present, with its secrets redacted.
    const starting = parsed.find((l) => l.msg === 'app starting');
    expect(starting?.config.databaseUrl).toBe('[redacted]');
    // The MCP request's id reaches the job the paid call enqueued.
    const requests = new Set(parsed.filter((l) => l.msg === 'http request').map((l) => l.requestId));
    expect(parsed.some((l) => l.msg === 'job done' && requests.has(l.requestId))).toBe(true);

    const all = lines.join('');
    const secret = apiKey.split('_').at(-1)!;
    for (const s of [DB_PASSWORD, TELEGRAM_TOKEN, DISCORD_TOKEN, WEBHOOK_SECRET, secret]) {
      expect(all).not.toContain(s);
    }
    const privateKey = t.app.config.chain.privateKey;
    if (privateKey) expect(all.toLowerCase()).not.toContain(privateKey.slice(2).toLowerCase());
  });
});
