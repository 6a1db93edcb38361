import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramRuntime, type TelegramRuntime } from '../bots/telegram/createTelegramRuntime.ts';
import { loadConfig } from '../src/config.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeChannel, FakeRole, FakeUser } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { type FakeTelegram, startFakeTelegram } from './fakeTelegram/startFakeTelegram.ts';
import { TEST_BOT_TOKEN } from './fakeTelegram/startTelegramHarness.ts';
import { callError, connectHttp } from './support/mcpTestClient.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

// A server's admins set Potluck up with /settings; the environment's rules stay the default.
let h: DiscordHarness;
let developers: FakeRole;
let trainers: FakeRole;
let admin: FakeUser;
let trainer: FakeUser;
let dev: FakeUser;
let member: FakeUser;
let poetryReview: FakeChannel;
let seeded: SeededDatanet;

const texts = [
  'The quiet river carries silver light beneath the sleeping hills,',
  'and every stone remembers rain that fell a hundred years ago.',
];
const answer = async (ix: ReturnType<DiscordHarness['fake']['command']>) => textOf(await h.fake.reply(ix));
const MANAGE_GUILD = String(1 << 5);

beforeAll(async () => {
  h = await startDiscordHarness(
    { ROLE_PERMISSIONS: 'train=Developers', TELEGRAM_BOT_USERNAME: 'potluck_test_bot' },
    (fake) => {
      developers = fake.addRole('Developers');
      trainers = fake.addRole('Trainers');
      admin = fake.addUser('admin', { admin: true });
      trainer = fake.addUser('trainer', { roles: [trainers] });
      dev = fake.addUser('dev', { roles: [developers] });
      member = fake.addUser('member');
      poetryReview = fake.addChannel('poetry-review');
      return undefined;
    },
  );
  seeded = await seedApprovedDatanet(h.t.app, {
    name: 'Guarded Verse',
    texts,
    authors: [0, 0],
    authorCount: 1,
  });
});
afterAll(async () => h?.close());

describe('/settings', () => {
  it('is registered for server admins only (default_member_permissions), in servers', () => {
    const registered = h.fake.state.commands.guild.get(h.fake.guildId) ?? [];
    const settings = registered.find((c) => c.name === 'settings');
    expect(settings).toMatchObject({ default_member_permissions: MANAGE_GUILD, contexts: [0] });
    const subcommands = ((settings?.options ?? []) as { name: string }[]).map((o) => o.name);
    expect(subcommands).toEqual(['show', 'review', 'allow', 'disallow', 'reset']);
    // Everyday commands stay open to every member.
    const rewards = registered.find((c) => c.name === 'rewards');
    expect(rewards?.default_member_permissions ?? null).toBeNull();
  });

  it('refuses a member who is not a server admin, even when Discord lets the command through', async () => {
    const reply = await h.fake.reply(
      h.fake.command(member, 'settings allow', { permission: 'train', role: trainers.id }),
    );
    expect(reply.flags & 64).toBe(64);
    expect(textOf(reply)).toContain('Only server admins (Manage Server)');
    const review = await answer(
      h.fake.command(member, 'settings review', { datanet: seeded.datanetId, channel: poetryReview.id }),
    );
    expect(review).toContain('Only server admins');
    const show = await answer(h.fake.command(admin, 'settings show'));
    expect(show).toContain('Train models: Developers (service default)');
    expect(show).not.toContain(`<#${poetryReview.id}>`);
  });

  it('lets an admin choose who may train, replacing ROLE_PERMISSIONS for this server', async () => {
    // The environment's rule first: Developers only.
    expect(await answer(h.fake.command(trainer, 'train', { datanet: seeded.datanetId }))).toContain(
      'limited to the role Developers',
    );
    const allowed = await answer(
      h.fake.command(admin, 'settings allow', { permission: 'train', role: trainers.id }),
    );
    expect(allowed).toContain(`Train models: <@&${trainers.id}>`);

    // Now Trainers may train here, and Developers (the environment's role) may not.
    expect(await answer(h.fake.command(dev, 'train', { datanet: seeded.datanetId }))).toContain(
      `limited to the role <@&${trainers.id}>`,
    );
    expect(await h.t.app.training.list({ datanetId: seeded.datanetId })).toHaveLength(0);
    h.fake.command(trainer, 'train', { datanet: seeded.datanetId });
    await h.fake.waitFor(
      async () => (await h.t.app.training.list({ datanetId: seeded.datanetId })).length === 1 || undefined,
      'the trainer’s run',
    );
    expect(await answer(h.fake.command(admin, 'settings show'))).toContain(
      `Train models: <@&${trainers.id}> (set here)`,
    );

    // Reset: the environment's rule again.
    const reset = await answer(h.fake.command(admin, 'settings reset', { permission: 'train' }));
    expect(reset).toContain('Train models follows the service default again: Developers');
    expect(await answer(h.fake.command(trainer, 'train', { datanet: seeded.datanetId }))).toContain(
      'limited to the role Developers',
    );
  });

  it('applies a server’s roles only to what is asked in that server; an agent cannot bring its own', async () => {
    await answer(h.fake.command(admin, 'settings allow', { permission: 'train', role: trainers.id }));
    const key = /(pl_[a-z0-9]{16}_[A-Za-z0-9_-]{43})/.exec(
      await answer(h.fake.command(trainer, 'apikey', { name: 'laptop' })),
    )![1];
    const http: HttpServer = await startHttpServer(h.t.app, { host: '127.0.0.1', port: 0 });
    const mcp = await connectHttp(`${http.url}/mcp`, key);
    try {
      // Over MCP there is no server: ROLE_PERMISSIONS decides.
      const plain = await callError(mcp, 'start_training_run', {
        datanetId: seeded.datanetId,
        idempotencyKey: 'm1',
      });
      expect(plain).toMatchObject({ code: 'FORBIDDEN' });
      expect(plain.message).toContain('limited to the role Developers');
      // Role rules are not an input an agent can send.
      const sneaky = await callError(mcp, 'start_training_run', {
        datanetId: seeded.datanetId,
        idempotencyKey: 'm2',
        roleRules: { train: [trainers.id] },
      });
      expect(sneaky.text).toMatch(/roleRules|Unrecognized key/);
      expect(await h.t.app.training.list({ datanetId: seeded.datanetId })).toHaveLength(1);
    } finally {
      await mcp.close();
      await http.close();
      await answer(h.fake.command(admin, 'settings reset', { permission: 'train' }));
    }
  });

  it('refuses @everyone as a role (it is never among a member’s roles)', async () => {
    const reply = await answer(
      h.fake.command(admin, 'settings allow', { permission: 'model.publish', role: h.fake.guildId }),
    );
    expect(reply).toContain('@everyone holds no reserved action');
  });

  it('moves a datanet’s review posts to the channel an admin picks', async () => {
    const set = await answer(
      h.fake.command(admin, 'settings review', { datanet: seeded.datanetId, channel: poetryReview.id }),
    );
    expect(set).toContain(`Review posts for **Guarded Verse** now go to <#${poetryReview.id}>`);
    expect(await answer(h.fake.command(member, 'faucet'))).not.toContain('❌');
    const text = await answer(
      h.fake.command(member, 'contribute', {
        datanet: seeded.datanetId,
        text: 'A lantern swings above the harbour while the fishing boats come home at dusk.',
      }),
    );
    expect(text).toMatch(/Contribution #\d+/);
    const id = /#(\d+)/.exec(text)![1];
    const post = await h.fake.waitFor(
      () => h.fake.channelMessages(poetryReview.id).find((m) => textOf(m).includes(`Contribution #${id}`)),
      'the review post in #poetry-review',
    );
    expect(textOf(post)).toContain('[Approve]');
    expect(
      h.fake.channelMessages(h.reviewChannel.id).some((m) => textOf(m).includes(`Contribution #${id}`)),
    ).toBe(false);
    expect(await answer(h.fake.command(admin, 'datanet info', { datanet: seeded.datanetId }))).toContain(
      `<#${poetryReview.id}>`,
    );
    const show = await answer(h.fake.command(admin, 'settings show'));
    expect(show).toContain(`**Guarded Verse** → <#${poetryReview.id}>`);

    const cleared = await answer(h.fake.command(admin, 'settings review', { datanet: seeded.datanetId }));
    expect(cleared).toContain(`back on the default review channel (<#${h.reviewChannel.id}>)`);
  });
});

describe('/link deep link to Telegram', () => {
  let telegram: FakeTelegram;
  let runtime: TelegramRuntime;
  afterAll(async () => {
    await runtime?.stop();
    await telegram?.close();
  });

  it('offers t.me/<bot>?start=link-CODE, and Telegram’s /start redeems it into the Discord account', async () => {
    const reply = await answer(h.fake.command(member, 'link'));
    const url = /(https:\/\/t\.me\/potluck_test_bot\?start=link-([2-9A-Z]{5}-[2-9A-Z]{5}))/.exec(reply);
    expect(url).not.toBeNull();
    expect(reply).toContain(`\`${url![2]}\``);

    // The Telegram bot on the same service, opened through the link: Telegram sends /start <payload>.
    telegram = await startFakeTelegram(TEST_BOT_TOKEN);
    const config = loadConfig({
      TELEGRAM_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    }).telegram;
    runtime = createTelegramRuntime(h.t.app, config, { notifyTickMs: 0, pollingTimeoutSeconds: 5 });
    await runtime.start();
    const reader = { id: 7301, first_name: 'Reader' };
    const from = telegram.state.calls.length;
    const answered = telegram.waitForCall(
      (c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === reader.id,
      from,
    );
    await telegram.push(messageUpdate(reader, `/start link-${url![2]}`));
    expect(String((await answered).payload.text)).toContain('Linked.');
    const discordSide = await h.t.app.accounts.resolveIdentity({ identity: `discord:${member.id}` });
    const telegramSide = await h.t.app.accounts.resolveIdentity({ identity: `telegram:${reader.id}` });
    expect(telegramSide.accountId).toBe(discordSide.accountId);
  });

  it('leaves the deep link out when no Telegram bot username is configured', async () => {
    const other = await startDiscordHarness();
    try {
      const someone = other.fake.addUser('someone');
      const reply = textOf(await other.fake.reply(other.fake.command(someone, 'link')));
      expect(reply).toMatch(/one-time link code/);
      expect(reply).not.toContain('t.me');
    } finally {
      await other.close();
    }
  });
});
