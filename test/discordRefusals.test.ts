import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../bots/discord/registerCommands.ts';
import { loadConfig } from '../src/config.ts';
import { FakeDiscord, textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeChannel, FakeUser, StoredMessage } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { TOKEN } from './support/fixtures.ts';

// Every refusal reaches the user as a private message that says why and what to do.
let h: DiscordHarness;
let poemsChannel: FakeChannel;
let poet: FakeUser;
let validator: FakeUser;
let shy: FakeUser;
let datanetId: string;
const LIMIT = 2048;

const contributionsIn = async (id: string) =>
  Number((await h.t.app.database.sql`select count(*) as n from contributions where datanet_id = ${id}`)[0].n);
const postFor = (channelId: string, contributionId: string) =>
  h.fake.waitFor(
    () =>
      h.fake.channelMessages(channelId).find((m) => textOf(m).includes(`Contribution #${contributionId} `)),
    `the review post of #${contributionId}`,
  );

beforeAll(async () => {
  h = await startDiscordHarness({ MAX_FILE_BYTES: String(LIMIT) }, (fake) => {
    poemsChannel = fake.addChannel('poems-review');
    poet = fake.addUser('poet');
    validator = fake.addUser('validator');
    shy = fake.addUser('shy', { dmsClosed: true });
    // Poems has a review channel of its own; other datanets use the default one.
    return { DISCORD_REVIEW_CHANNELS: `Poems=${poemsChannel.id}` };
  });
  const app = h.t.app;
  const owner = await app.accounts.resolveIdentity({ identity: `discord:${poet.id}` });
  await app.ledger.requestFaucet({ accountId: owner.accountId, idempotencyKey: 'seed' });
  const d = await app.datanets.create({ ownerAccountId: owner.accountId, name: 'Poems', quorumVotes: 1 });
  datanetId = d.id;
  const v = await app.accounts.resolveIdentity({ identity: `discord:${validator.id}` });
  await app.ledger.requestFaucet({ accountId: v.accountId, idempotencyKey: 'seed' });
  await app.validation.stake({
    accountId: v.accountId,
    datanetId,
    amount: 10n * TOKEN,
    idempotencyKey: 'stake',
  });
});
afterAll(async () => h?.close());

describe('Discord refusals', () => {
  it('refuses an attachment Discord reports as too large without downloading it', async () => {
    const file = h.fake.attachment('big.txt', 'x'.repeat(10), { size: LIMIT + 1 });
    const reply = await h.fake.reply(h.fake.command(poet, 'contribute', { datanet: 'Poems', file }));
    expect(reply.flags & 64).toBe(64);
    expect(textOf(reply)).toContain('big.txt is 2.0 KB; files up to 2.0 KB are accepted');
    expect(h.fake.state.downloads).not.toContain(file.id);
    expect(await contributionsIn(datanetId)).toBe(0);
  });

  it('stops a download that turns out larger than reported', async () => {
    const file = h.fake.attachment('liar.md', 'word '.repeat(LIMIT), { size: 100 });
    const text = textOf(await h.fake.reply(h.fake.command(poet, 'contribute', { datanet: 'Poems', file })));
    expect(text).toContain('files up to 2.0 KB are accepted');
    expect(await contributionsIn(datanetId)).toBe(0);
  });

  it('refuses file types it cannot read, naming the ones it can', async () => {
    const file = h.fake.attachment('poems.pdf', '%PDF-1.7');
    const text = textOf(await h.fake.reply(h.fake.command(poet, 'contribute', { datanet: 'Poems', file })));
    expect(text).toContain('only .txt, .md, .jsonl files are accepted');
  });

  it('answers an unknown datanet privately with where to find the real ones', async () => {
    const info = h.fake.command(poet, 'datanet info', { datanet: 'Nope' });
    const reply = await h.fake.reply(info);
    expect(reply.flags & 64).toBe(64);
    expect(textOf(reply)).toContain('Datanet Nope was not found.');
    expect(textOf(reply)).toContain('/datanet list shows the datanets.');
    // The public "thinking…" was withdrawn rather than left in the channel.
    expect(info.original).toBeNull();
  });

  it('contributes once when Discord delivers the same /contribute twice, and posts to the mapped channel', async () => {
    const ix = h.fake.command(poet, 'contribute', {
      datanet: 'Poems',
      text: 'Autumn leaves drift over the quiet water.',
    });
    const id = /#(\d+)/.exec(textOf(await h.fake.reply(ix)))![1];
    h.fake.redeliver(ix);
    await h.fake.waitFor(() => h.fake.state.requests.some((r) => r.status === 400 && r.path.includes(ix.id)));
    expect(await contributionsIn(datanetId)).toBe(1);
    await postFor(poemsChannel.id, id);
    expect(h.fake.channelMessages(h.reviewChannel.id).some((m) => textOf(m).includes(`#${id} `))).toBe(false);
  });

  it('removes a reaction from someone whose DMs are closed, without failing', async () => {
    const [c] = await h.t.app.database.sql`select id from contributions where datanet_id = ${datanetId}`;
    const post = await postFor(poemsChannel.id, c.id);
    h.fake.react(shy, post, '❌');
    await h.fake.waitFor(() =>
      h.fake.state.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(`/${shy.id}`)),
    );
    // Posts carry buttons, not reactions of their own; a reaction is taken off once handled.
    expect(post.reactions.get('❌')).toBeUndefined();
    expect(h.fake.dms(shy)).toEqual([]);
  });

  it('ignores reactions on messages that are not review posts', async () => {
    const other: StoredMessage = h.fake.state.newMessage(poemsChannel.id, poet, { content: 'hello' });
    h.fake.react(validator, other, '✅');
    h.fake.react(poet, other, '✅');
    // A refused reaction on a review post after them: once it is removed, the earlier ones were seen.
    const [c] = await h.t.app.database.sql`select id from contributions where datanet_id = ${datanetId}`;
    const post = await postFor(poemsChannel.id, c.id);
    h.fake.react(poet, post, '✅');
    await h.fake.waitFor(() => h.fake.dms(poet).length > 0, "the contributor's DM");
    expect(other.reactions.get('✅')).toEqual([validator.id, poet.id]);
    expect(h.fake.state.requests.filter((r) => r.method === 'DELETE' && r.path.includes(other.id))).toEqual(
      [],
    );
  });

  it('shows an outcome decided on another surface on the review post', async () => {
    const [c] = await h.t.app.database.sql`select id from contributions where datanet_id = ${datanetId}`;
    const post = await postFor(poemsChannel.id, c.id);
    const v = await h.t.app.accounts.resolveIdentity({ identity: `discord:${validator.id}` });
    await h.t.app.validation.vote({ accountId: v.accountId, contributionId: c.id, approve: true });
    await h.fake.waitFor(
      () => textOf(post).includes('Approved after 1 vote'),
      'the post to show the outcome',
    );
    // A contrary reaction after that vote is taken off, with the reason.
    h.fake.react(validator, post, '❌');
    await h.fake.waitFor(() => h.fake.dms(validator).length > 0, 'the DM');
    expect(textOf(h.fake.dms(validator)[0])).toContain('You already voted to approve this; votes are final.');
  });

  it('stops cleanly: handlers finish, the gateway connection closes', async () => {
    await h.bot.stop();
    expect(h.fake.connected).toBe(false);
  });
});

describe('potluck discord register', () => {
  it('registers globally, finding the application from the token, when no guild is configured', async () => {
    const fake = await FakeDiscord.start();
    try {
      const result = await registerCommands(
        loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }),
      );
      expect(result).toMatchObject({ scope: 'global', applicationId: fake.applicationId });
      expect(fake.state.commands.global.map((c) => c.name)).toEqual(result.names);
      expect(result.names).not.toContain('faucet');
    } finally {
      await fake.close();
    }
  });
});
