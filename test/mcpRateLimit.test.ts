import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { callError, connectHttp } from './support/mcpTestClient.ts';
import { seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { trainAndPublish } from './support/trainAndPublish.ts';

// 20 MCP messages a minute per account, 5 paid calls a minute per account.
let t: TestApp;
let http: HttpServer;
let modelId: string;
const clients: Client[] = [];
const PRICE = 1000n;

type RpcReply = { id: number; result?: { isError?: boolean; content?: { text: string }[] } };

/** POSTs one JSON-RPC body with raw fetch; replies may come as JSON or as an SSE stream. */
async function postRpc(apiKey: string, body: unknown): Promise<{ status: number; replies: RpcReply[] }> {
  const res = await fetch(`${http.url}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, replies: [] };
  const payloads = (res.headers.get('content-type') ?? '').includes('text/event-stream')
    ? text
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => JSON.parse(l.slice(6)))
    : [JSON.parse(text)];
  return { status: res.status, replies: payloads.flat() };
}

const invokeBatch = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    jsonrpc: '2.0',
    id: i + 1,
    method: 'tools/call',
    params: {
      name: 'invoke_model',
      arguments: { modelId, prompt: 'The quiet river', maxTokens: 4, idempotencyKey: `${tag}-${i}` },
    },
  }));
const callsBy = async (accountId: string) =>
  Number(
    (
      await t.app.database
        .sql`select count(*) as n from inference_calls where caller_account_id = ${accountId}`
    )[0].n,
  );
async function agent(name: string) {
  const created = await t.app.accounts.createAgent({ name });
  await t.app.ledger.requestFaucet({ accountId: created.accountId, idempotencyKey: `f-${name}` });
  return created;
}

beforeAll(async () => {
  t = await createTestApp({ MCP_RATE_LIMIT_PER_MINUTE: '20', PAID_CALLS_PER_MINUTE: '5' });
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  const texts = ['The quiet river carries silver light', 'and every stone remembers rain'];
  const seeded = await seedApprovedDatanet(t.app, {
    name: 'Rate Verse',
    texts,
    authors: [0, 0],
    authorCount: 1,
  });
  const developer = await fundedPerson(t.app, 'developer');
  modelId = await trainAndPublish(t.app, {
    developer,
    datanetId: seeded.datanetId,
    name: 'Metered Model',
    pricePerCall: PRICE,
    split: { developerBps: 2500, dataBps: 2500, validatorsBps: 2500, protocolBps: 2500 },
    key: 'metered',
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await http?.close();
  await t?.cleanup();
});

describe('MCP rate limits count every message and every paid call', () => {
  it('refuses a batch of 50 paid calls under a 20/min limit, charging nothing', async () => {
    const a = await agent('batcher');
    const before = (await t.app.ledger.getBalance({ accountId: a.accountId })).available;
    const { status } = await postRpc(a.apiKey, invokeBatch(50, 'big'));
    expect(status).toBe(429);
    expect(await callsBy(a.accountId)).toBe(0);
    expect((await t.app.ledger.getBalance({ accountId: a.accountId })).available).toBe(before);
  });

  it('counts each message of a batch against the account, across its keys', async () => {
    const a = await agent('pinger');
    const pings = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i + 1, method: 'ping' }));
    const first = await postRpc(a.apiKey, pings(15));
    expect(first.status).toBe(200);
    expect(first.replies).toHaveLength(15);
    // A second key of the same account shares the bucket: 15 + 10 > 20.
    const second = await t.app.accounts.createApiKey({ accountId: a.accountId, name: 'second' });
    expect((await postRpc(second.apiKey, pings(10))).status).toBe(429);
    expect((await postRpc(second.apiKey, pings(5))).status).toBe(200);
  });

  it('allows 5 paid calls a minute per account, in a batch or not, on any key or surface', async () => {
    const a = await agent('spender');
    const { status, replies } = await postRpc(a.apiKey, invokeBatch(10, 'paid'));
    expect(status).toBe(200);
    const errors = replies.filter((r) => r.result?.isError);
    expect(replies).toHaveLength(10);
    expect(errors).toHaveLength(5);
    for (const e of errors)
      expect(JSON.parse(e.result!.content![0].text)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await callsBy(a.accountId)).toBe(5);

    // Another key over the SDK client, and the use case itself (as Discord or Telegram call it).
    const second = await t.app.accounts.createApiKey({ accountId: a.accountId, name: 'second' });
    const client = await connectHttp(`${http.url}/mcp`, second.apiKey);
    clients.push(client);
    const refused = await callError(client, 'invoke_model', { modelId, prompt: 'x', idempotencyKey: 'sdk' });
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    await expect(
      t.app.inference.invoke({ accountId: a.accountId, modelId, prompt: 'x', idempotencyKey: 'direct' }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await callsBy(a.accountId)).toBe(5);
  });
});
