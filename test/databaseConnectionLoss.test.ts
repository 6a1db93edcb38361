import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestServices } from '../src/config.ts';
import { toAppError } from '../src/errors.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';

const { databaseUrl } = loadTestServices();

/**
 * One stateless MCP tool call over raw HTTP, reduced to what the client learns: 'ok', the tool
 * error's code, or `HTTP <status> <JSON-RPC error message>` when the request itself was refused.
 */
async function outcome(url: string, apiKey: string, name: string): Promise<string> {
  const res = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } }),
  });
  const text = await res.text();
  const payload = text.startsWith('{')
    ? JSON.parse(text)
    : JSON.parse(
        text
          .split('\n')
          .find((l) => l.startsWith('data: '))
          ?.slice(6) ?? '{}',
      );
  if (res.status !== 200) return `HTTP ${res.status} ${payload.error?.message}`;
  const result = payload.result as CallToolResult;
  if (!result.isError) return 'ok';
  const body = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return JSON.parse(body).code;
}

// An operator (or a failover) ending the service's PostgreSQL sessions needs a real server.
describe.runIf(databaseUrl)('PostgreSQL dropping the service’s connections (TEST_DATABASE_URL)', () => {
  let t: TestApp;
  let http: HttpServer;
  let admin: postgres.Sql;
  let apiKey: string;

  beforeAll(async () => {
    t = await createTestApp({ MCP_RATE_LIMIT_PER_MINUTE: '1000000' }, { chain: false, maxConnections: 4 });
    http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
    admin = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
    const agent = await t.app.accounts.createAgent({ name: 'connection-loss' });
    apiKey = agent.apiKey;
  });

  afterAll(async () => {
    await http?.close();
    await admin?.end();
    await t?.cleanup();
  });

  it('answers in-flight calls with a retryable UNAVAILABLE, keeps running, and reconnects for new ones', async () => {
    const database = new URL(t.databaseUrl!).pathname.slice(1);
    const terminate = () =>
      admin<{ killed: boolean }[]>`
        select pg_terminate_backend(pid) as killed from pg_stat_activity
        where datname = ${database} and pid <> pg_backend_pid()`;

    const seen = new Map<string, number>();
    let stop = false;
    const caller = async () => {
      while (!stop) {
        for (const tool of ['get_balance', 'list_datanets']) {
          const code = await outcome(http.url, apiKey, tool);
          seen.set(code, (seen.get(code) ?? 0) + 1);
        }
      }
    };
    // Use cases' own queries on the same pool, with parameters large and small; each must settle.
    const direct = new Map<string, number>();
    const querier = async () => {
      while (!stop) {
        const query = t.app.database.sql`select pg_sleep(0.005), ${'x'.repeat(2000)} as big, ${'y'} as small`;
        const hung = new Promise<string>((resolve) => setTimeout(resolve, 20_000, 'hung'));
        const code = await Promise.race([
          query.then(
            () => 'ok',
            (error) => toAppError(error)?.code ?? String(error),
          ),
          hung,
        ]);
        direct.set(code, (direct.get(code) ?? 0) + 1);
      }
    };
    const callers = [...Array.from({ length: 6 }, caller), ...Array.from({ length: 6 }, querier)];
    let killed = 0;
    for (let round = 0; round < 60; round++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      killed += (await terminate()).length;
    }
    stop = true;
    await Promise.all(callers);

    expect(killed).toBeGreaterThan(0);
    // Every call either worked or was told to retry: no INTERNAL, no crash, no call left hanging.
    const retryable = (code: string) =>
      code === 'UNAVAILABLE' ||
      code === 'HTTP 503 The database connection dropped while handling this request; try again in a moment.';
    expect([...seen.keys()].filter((code) => code !== 'ok' && !retryable(code))).toEqual([]);
    expect(seen.get('UNAVAILABLE') ?? 0).toBeGreaterThan(0);
    expect([...direct.keys()].filter((code) => code !== 'ok' && code !== 'UNAVAILABLE')).toEqual([]);

    // New calls get fresh connections.
    expect(await outcome(http.url, apiKey, 'get_balance')).toBe('ok');
    const health = await fetch(`${http.url}/health`);
    expect(health.status).toBe(200);
  }, 60_000);
});
