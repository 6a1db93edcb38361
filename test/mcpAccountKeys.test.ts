import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';

// redeem_link_code and revoke_api_key over Streamable HTTP, where every request re-authenticates.
let t: TestApp;
let http: HttpServer;
const clients: Client[] = [];
const connect = async (apiKey: string) => {
  const c = await connectHttp(`${http.url}/mcp`, apiKey);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await http?.close();
  await t?.cleanup();
});

describe('an agent key joins a person and is revoked over MCP', () => {
  it('redeems a link code: the key then acts for the person, and its balance moved', async () => {
    const { accountId: person } = await t.app.accounts.resolveIdentity({
      identity: 'discord:424242',
      displayName: 'Shirin',
    });
    const agent = await t.app.accounts.createAgent({ name: 'helper' });
    const client = await connect(agent.apiKey);
    await callOk(client, 'request_faucet', { idempotencyKey: 'agent-faucet' });
    const agentBalance = (await t.app.ledger.getBalance({ accountId: agent.accountId })).available;
    expect(agentBalance).toBeGreaterThan(0n);

    const { code } = await t.app.accounts.createLinkCode({ accountId: person });
    const redeemed = await callOk(client, 'redeem_link_code', { code });
    expect(redeemed).toEqual({ accountId: person, alreadyLinked: false });
    expect((await t.app.accounts.authenticateApiKey(agent.apiKey)).accountId).toBe(person);
    expect((await t.app.ledger.getBalance({ accountId: person })).available).toBe(agentBalance);
    // The same code again from the same key: nothing moves.
    expect(await callOk(client, 'redeem_link_code', { code })).toEqual({
      accountId: person,
      alreadyLinked: true,
    });
    // Someone else's retry finds it used.
    const other = await t.app.accounts.createAgent({ name: 'other' });
    expect((await callError(await connect(other.apiKey), 'redeem_link_code', { code })).code).toBe('EXPIRED');
  });

  it('revokes only the caller’s own keys, the current one by default', async () => {
    const a = await t.app.accounts.createAgent({ name: 'a' });
    const b = await t.app.accounts.createAgent({ name: 'b' });
    const client = await connect(a.apiKey);
    // b's key looks the same as a missing one, and stays usable.
    expect((await callError(client, 'revoke_api_key', { keyId: b.keyId })).code).toBe('NOT_FOUND');
    expect((await t.app.accounts.authenticateApiKey(b.apiKey)).accountId).toBe(b.accountId);

    expect(await callOk(client, 'revoke_api_key', {})).toEqual({ keyId: a.keyId, revoked: true });
    await expect(t.app.accounts.authenticateApiKey(a.apiKey)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // The next request with the revoked key is refused at the door.
    await expect(client.callTool({ name: 'get_balance', arguments: {} })).rejects.toThrow(
      /Invalid or revoked API key/,
    );
  });
});
