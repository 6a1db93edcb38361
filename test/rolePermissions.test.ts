import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeRole, FakeUser } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { fundedPerson } from './support/fixtures.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

// Permissions are decided in the use case from the account's roles, so a key made in Discord
// carries exactly the Discord member's roles to MCP: no more, and not after they are removed.
let h: DiscordHarness;
let http: HttpServer;
let developers: FakeRole;
let dev: FakeUser;
let outsider: FakeUser;
let seeded: SeededDatanet;
const clients: Client[] = [];

const texts = [
  'The quiet river carries silver light beneath the sleeping hills,',
  'and every stone remembers rain that fell a hundred years ago.',
];

async function apiKeyOf(user: FakeUser): Promise<string> {
  const reply = await h.fake.reply(h.fake.command(user, 'apikey', { name: 'laptop' }));
  return /(pl_[a-z0-9]{16}_[A-Za-z0-9_-]{43})/.exec(textOf(reply))![1];
}
async function mcpAs(apiKey: string): Promise<Client> {
  const client = await connectHttp(`${http.url}/mcp`, apiKey);
  clients.push(client);
  return client;
}
const publishArgs = (runId: string, key: string) => ({
  runId,
  name: `Verse ${key}`,
  pricePerCall: '100',
  split: { developerBps: 2500, dataBps: 2500, validatorsBps: 2500, protocolBps: 2500 },
  idempotencyKey: key,
});

beforeAll(async () => {
  h = await startDiscordHarness(
    { ROLE_PERMISSIONS: 'train=Developers; model.publish=Developers' },
    (fake) => {
      developers = fake.addRole('Developers');
      dev = fake.addUser('dev', { roles: [developers] });
      outsider = fake.addUser('outsider');
    },
  );
  http = await startHttpServer(h.t.app, { host: '127.0.0.1', port: 0 });
  seeded = await seedApprovedDatanet(h.t.app, {
    name: 'Guarded Verse',
    texts,
    authors: [0, 0],
    authorCount: 1,
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await http?.close();
  await h?.close();
});

describe('role permissions are the account’s, on every surface', () => {
  it('refuses over MCP what Discord refused, for a key made with /apikey', async () => {
    const denied = h.fake.command(outsider, 'train', { datanet: seeded.datanetId });
    expect(textOf(await h.fake.reply(denied))).toContain('limited to the role Developers');

    const mcp = await mcpAs(await apiKeyOf(outsider));
    const train = await callError(mcp, 'start_training_run', {
      datanetId: seeded.datanetId,
      idempotencyKey: 'sneak',
    });
    expect(train).toMatchObject({ code: 'FORBIDDEN' });
    expect(train.message).toContain('limited to the role Developers');
    const runs = await h.t.app.training.list({ datanetId: seeded.datanetId });
    expect(runs).toHaveLength(0);
  });

  it('lets a member with the role train over MCP, and stops them once Discord removes it', async () => {
    const key = await apiKeyOf(dev);
    const mcp = await mcpAs(key);
    const { run } = await callOk(mcp, 'start_training_run', {
      datanetId: seeded.datanetId,
      waitSeconds: 30,
      idempotencyKey: 'allowed',
    });
    expect(run.status).toBe('succeeded');

    // The outsider cannot publish it (nor anything else), whatever the surface.
    const outsiderMcp = await mcpAs(await apiKeyOf(outsider));
    expect(await callError(outsiderMcp, 'publish_model', publishArgs(run.id, 'o1'))).toMatchObject({
      code: 'FORBIDDEN',
    });

    // The role is taken away in Discord; the member's next interaction there updates the account.
    h.fake.state.memberRoles.set(dev.id, []);
    await h.fake.reply(h.fake.command(dev, 'rewards'));
    const publish = await callError(mcp, 'publish_model', publishArgs(run.id, 'd1'));
    expect(publish).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.t.app.models.list({})).toHaveLength(0);

    // Given back: allowed again, by the same key.
    h.fake.state.memberRoles.set(dev.id, [developers.id]);
    await h.fake.reply(h.fake.command(dev, 'rewards'));
    const { model } = await callOk(mcp, 'publish_model', publishArgs(run.id, 'd2'));
    expect(model.runId).toBe(run.id);
  });

  it('refuses accounts that never had the role (agents, Telegram), matching roles by name or id', async () => {
    const agent = await h.t.app.accounts.createAgent({ name: 'bot' });
    await expect(
      h.t.app.training.start({
        accountId: agent.accountId,
        datanetId: seeded.datanetId,
        idempotencyKey: 'a',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const person = await fundedPerson(h.t.app, 'tg');
    const check = (accountId: string) => h.t.app.accounts.checkPermission({ accountId, permission: 'train' });
    await expect(check(person)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { roles: ['Developers'] },
    });
    await h.t.app.accounts.syncRoles({ accountId: person, source: 'discord:g:u', roles: ['DEVELOPERS'] });
    await expect(check(person)).resolves.toMatchObject({ allowed: true });
    // The rule names the role, so another server's role id is not it.
    await h.t.app.accounts.syncRoles({
      accountId: person,
      source: 'discord:g:u',
      roles: ['999999999999999999'],
    });
    await expect(check(person)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Unconfigured permissions stay open to everyone.
    await expect(
      h.t.app.accounts.checkPermission({ accountId: person, permission: 'datanet.create' }),
    ).resolves.toMatchObject({ allowed: true });
  });
});
