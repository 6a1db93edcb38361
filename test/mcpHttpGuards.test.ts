import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpHttpHandler } from '../mcp/http/createMcpHttpHandler.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { connectHttp } from './support/mcpTestClient.ts';

let t: TestApp;
let mounted: HttpServer;
let strict: http.Server;
let strictPort: number;
let apiKey: string;

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** Raw HTTP (not fetch) so the test can send any Host and Origin, as a rebinding page would. */
function post(
  port: number,
  headers: Record<string, string>,
  body = INIT,
  method = 'POST',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/mcp',
        method,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
      },
      (res) => {
        let data = '';
        res.on('data', (d) => {
          data += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  mounted = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  ({ apiKey } = await t.app.accounts.createAgent({ name: 'guarded' }));
  // A second endpoint with tiny limits, so the limits are reached in a few requests.
  const handler = createMcpHttpHandler(t.app, {
    ...t.app.config.mcp,
    maxRequestBytes: 2048,
    rateLimitPerMinute: 3,
  });
  strict = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
  strictPort = (strict.address() as AddressInfo).port;
});
afterAll(async () => {
  strict?.closeAllConnections();
  await new Promise((resolve) => strict?.close(resolve));
  await mounted?.close();
  await t?.cleanup();
});

const portOf = (s: HttpServer) => Number(new URL(s.url).port);

describe('MCP HTTP endpoint guards', () => {
  it('answers a missing or wrong bearer key with a protocol-correct 401', async () => {
    const missing = await post(portOf(mounted), {});
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="potluck"');
    expect(JSON.parse(missing.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32001 }, id: null });

    const wrong = await post(portOf(mounted), { authorization: 'Bearer pl_0000000000000000_nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer realm="potluck", error="invalid_token"/);

    // The SDK's own client sees the 401 and the JSON-RPC error, not a hang or a stack trace.
    await expect(connectHttp(`${mounted.url}/mcp`, 'pl_wrong')).rejects.toMatchObject({
      code: 401,
      message: expect.stringMatching(/Invalid or revoked API key/),
    });
    const ok = await post(portOf(mounted), { authorization: `Bearer ${apiKey}` });
    expect(ok.status).toBe(200);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding) and methods other than POST', async () => {
    const auth = { authorization: `Bearer ${apiKey}` };
    const host = await post(portOf(mounted), { ...auth, host: 'evil.example' });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error.message).toMatch(/Host "evil.example" is not allowed/);
    const origin = await post(portOf(mounted), { ...auth, origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect((await post(portOf(mounted), { ...auth, origin: 'http://localhost:3000' })).status).toBe(200);
    const get = await post(portOf(mounted), auth, '', 'GET');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('refuses an oversized body with 413 and malformed JSON with a parse error', async () => {
    const auth = { authorization: `Bearer ${apiKey}` };
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(4096) } });
    expect((await post(strictPort, auth, big)).status).toBe(413);
    const bad = await post(strictPort, auth, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe(-32700);
  });

  it('rate-limits per key, and failed keys per address, with 429 and Retry-After', async () => {
    const { apiKey: fresh } = await t.app.accounts.createAgent({ name: 'busy' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(strictPort, { authorization: `Bearer ${fresh}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(strictPort, { authorization: `Bearer ${fresh}` });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const guesses: number[] = [];
    for (let i = 0; i < 4; i++) {
      guesses.push((await post(strictPort, { authorization: `Bearer pl_000000000000000${i}_guess` })).status);
    }
    expect(guesses).toEqual([401, 401, 401, 429]);
    // Others' failures from the same address never lock out a valid key.
    const { apiKey: other } = await t.app.accounts.createAgent({ name: 'same address' });
    expect((await post(strictPort, { authorization: `Bearer ${other}` })).status).toBe(200);
  });
});
