import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createLogger } from '../src/shared/createLogger.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { callOk, connectHttp } from './support/mcpTestClient.ts';
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
    const secret = apiKey.slice('pl_0123456789abcdef_'.length); // the secret half may hold '_' itself
    expect(secret).toHaveLength(43);
    for (const s of [DB_PASSWORD, TELEGRAM_TOKEN, DISCORD_TOKEN, WEBHOOK_SECRET, secret]) {
      expect(all).not.toContain(s);
    }
    const privateKey = t.app.config.chain.privateKey;
    if (privateKey) expect(all.toLowerCase()).not.toContain(privateKey.slice(2).toLowerCase());
  });
});

/** One sample's value from a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

describe('metrics', () => {
  it('are scraped at /metrics: paid calls, fees, ledger, contributions, votes, runs, queue, outbox, process', async () => {
    const scrape = async () => {
      const res = await fetch(`${http.url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    const before = await scrape();
    const charged = sample(before, 'potluck_paid_calls_total', '{outcome="charged"}') ?? 0;
    const fees = sample(before, 'potluck_paid_call_fees_tokens_total') ?? 0;
    const settled = sample(before, 'potluck_inference_calls', '{status="settled"}') ?? 0;
    await paidCall('metrics-call');
    await paidCall('metrics-call'); // a replay: counted as such, not charged again

    const after = await scrape();
    expect(sample(after, 'potluck_paid_calls_total', '{outcome="charged"}')).toBe(charged + 1);
    expect(sample(after, 'potluck_paid_calls_total', '{outcome="replayed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'potluck_paid_call_fees_tokens_total')).toBeCloseTo(fees + 3);
    expect(sample(after, 'potluck_paid_call_seconds_count')).toBe(charged + 1);
    expect(sample(after, 'potluck_inference_calls', '{status="settled"}')).toBe(settled + 1);
    const [fee] = await t.app.database.sql`
      select coalesce(sum(fee), 0)::text as total from inference_calls where status = 'settled'`;
    expect(sample(after, 'potluck_paid_call_fees_settled_tokens')).toBeCloseTo(
      Number(BigInt(fee.total) / 10n ** 12n) / 1e6,
    );
    expect(sample(after, 'potluck_contributions', '{status="approved"}')).toBeGreaterThan(0);
    expect(sample(after, 'potluck_votes', '{review="decided"}')).toBeGreaterThan(0);
    expect(sample(after, 'potluck_training_runs', '{status="succeeded"}')).toBeGreaterThan(0);
    expect(sample(after, 'potluck_training_run_seconds_total', '{status="succeeded"}')).toBeGreaterThan(0);
    expect(sample(after, 'potluck_ledger_transactions', '{kind="faucet"}')).toBeGreaterThan(0);
    expect(sample(after, 'potluck_queue_jobs', '{state="active"}')).toBeGreaterThanOrEqual(0);
    expect(after).toMatch(/^potluck_job_seconds_count\{job="training.run",outcome="done"\} [1-9]/m);
    expect(sample(after, 'potluck_outbox_oldest_unconfirmed_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'potluck_adapter_pool_evictions')).toBe(0);
    expect(after).toMatch(/^potluck_process_resident_memory_bytes \d+/m);
  });
});

type ReadyBody = { status: string; checks: Record<string, { ok: boolean; detail: string }> };

describe('health', () => {
  it('/health/live answers for the process; /health/ready checks database, chain and outbox, with reasons', async () => {
    const live = await fetch(`${http.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'live' });
    // The original probe still answers as README says.
    expect(await (await fetch(`${http.url}/health`)).json()).toMatchObject({ status: 'ok' });

    const ready = await fetch(`${http.url}/health/ready`);
    const body = (await ready.json()) as ReadyBody;
    expect(ready.status, JSON.stringify(body)).toBe(200);
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(
      t.app.jobs.kind === 'bullmq'
        ? ['chain', 'database', 'outbox', 'redis']
        : ['chain', 'database', 'outbox'],
    );
    expect(body.checks.chain).toMatchObject({ ok: true, detail: expect.stringMatching(/at block \d+/) });

    // An outbox row waiting longer than READY_OUTBOX_STUCK_SECONDS takes the process out of rotation.
    const [row] = await t.app.database.sql`
      insert into chain_outbox (kind, dedupe_key, payload, created_at)
      values ('probe', 'ops-stuck-probe', '{}', now() - interval '2 hours') returning id`;
    try {
      const stuck = await fetch(`${http.url}/health/ready`);
      const why = (await stuck.json()) as ReadyBody;
      expect(stuck.status).toBe(503);
      expect(why.status).toBe('not ready');
      expect(why.checks.database.ok).toBe(true);
      expect(why.checks.outbox).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/READY_OUTBOX_STUCK_SECONDS=900/),
      });
    } finally {
      await t.app.database.sql`delete from chain_outbox where id = ${row.id}`;
    }
    expect((await fetch(`${http.url}/health/ready`)).status).toBe(200);
  });
});

describe('graceful drain', () => {
  it('stops waiting at the deadline: a request that never answers is closed, not waited on forever', async () => {
    let entered!: () => void;
    const hanging = new Promise<void>((resolve) => {
      entered = resolve;
    });
    // A mounted route that never answers (a stuck upstream, say).
    const stuck = await startHttpServer(
      t.app,
      { host: '127.0.0.1', port: 0 },
      {
        telegramWebhook: {
          path: '/stuck',
          handle: () => {
            entered();
            return new Promise<void>(() => {});
          },
        },
      },
    );
    const request = fetch(`${stuck.url}/stuck`, { method: 'POST' }).then(
      () => 'answered',
      () => 'cut',
    );
    await hanging;
    expect(stuck.inFlight()).toBe(1);
    await stuck.close(200);
    expect(await request).toBe('cut');
    await expect.poll(() => stuck.inFlight()).toBe(0);
  });

  it('a paid call in flight when shutdown begins completes, is charged once, and new work is refused', async () => {
    const [{ id: callerId }] = await t.app.database.sql`
      select account_id as id from api_keys where id = ${apiKey.split('_')[1]}`;
    const balance = async () => (await t.app.ledger.getBalance({ accountId: String(callerId) })).available;
    const before = await balance();
    // Hold the paid call inside the use case: no new call rows until the test lets go.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = t.app.database.sql.begin(async (tx) => {
      await tx`lock table inference_calls in share row exclusive mode`;
      locked();
      await held;
    });
    await isLocked;
    const call = paidCall('drain-call');
    await expect.poll(() => http.inFlight()).toBeGreaterThanOrEqual(1);

    const closing = http.close(60_000);
    // The drain has begun: the listener is gone, so a new connection is refused.
    await expect
      .poll(() =>
        fetch(`${http.url}/health/live`).then(
          () => 'answered',
          () => 'refused',
        ),
      )
      .toBe('refused');
    expect(http.inFlight()).toBeGreaterThanOrEqual(1);
    release();
    await holder;

    const answered = await call;
    expect(answered.replayed).toBe(false);
    await closing;
    expect(http.inFlight()).toBe(0);
    expect(await balance()).toBe(before - model.fee);
    const calls = await t.app.database.sql`
      select status from inference_calls where caller_account_id = ${callerId} and idempotency_key = 'drain-call'`;
    expect(calls.map((c) => c.status)).toEqual(['settled']);
    await t.app.close({ deadlineMs: 5000 });
  });
});
