import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeInteraction, textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeRole, FakeUser, StoredMessage } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';

// The community story through the real discord.js client and the fake Discord, one step per test.
let h: DiscordHarness;
let admins: FakeRole;
const people: Record<'owner' | 'poet' | 'v1' | 'v2' | 'v3' | 'outsider' | 'broke', FakeUser> = {} as never;
let contributionId = '';
let post: StoredMessage;
let runId = '';
let modelId = '';

const POEMS = [
  'The quiet river carries silver light beneath the sleeping hills,',
  'and every stone remembers rain that fell a hundred years ago.',
  'We gather bread and salt and songs, and no one leaves the table hungry.',
].join('\n');

async function answer(ix: FakeInteraction): Promise<string> {
  return textOf(await h.fake.reply(ix));
}
/** The bot's own answer to a button press (not the message pressed), once it is no longer "thinking…". */
function pressed(ix: ReturnType<typeof h.fake.click>) {
  return h.fake.waitFor(
    () =>
      ix.followups.at(-1) ??
      (ix.original && ix.original !== post && (ix.original.flags & 128) === 0 ? ix.original : null),
    `the answer to ${ix.id}`,
  );
}
const votesOn = async (id: string) =>
  Number((await h.t.app.database.sql`select count(*) as n from votes where contribution_id = ${id}`)[0].n);

beforeAll(async () => {
  h = await startDiscordHarness({ ROLE_PERMISSIONS: 'datanet.create=Datanet Admins' }, (fake) => {
    admins = fake.addRole('Datanet Admins');
    people.owner = fake.addUser('Owner', { roles: [admins] });
    for (const name of ['poet', 'v1', 'v2', 'v3', 'outsider', 'broke'] as const)
      people[name] = fake.addUser(name);
  });
});
afterAll(async () => h?.close());

describe('Discord: the community story', () => {
  it('registers its slash commands in the guild', () => {
    const names = (h.fake.state.commands.guild.get(h.fake.guildId) ?? []).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['datanet', 'contribute', 'review', 'validator', 'rewards', 'link', 'apikey']),
    );
  });

  it('lets only the configured role create a datanet, and the owner fund its pool', async () => {
    const refused = await answer(h.fake.command(people.poet, 'datanet create', { name: 'English Verse' }));
    expect(refused).toContain('limited to the role Datanet Admins');
    const created = h.fake.command(people.owner, 'datanet create', {
      name: 'English Verse',
      languages: 'en',
      deposit: '1',
      min_stake: '10',
      quorum: 3,
      reward: '3',
    });
    const text = await answer(created);
    expect(text).toContain('English Verse');
    expect(text).toContain('3 votes');
    expect((await h.fake.reply(created)).flags & 64).toBe(0);
    for (const p of Object.values(people))
      if (p !== people.broke) await h.fake.reply(h.fake.command(p, 'faucet'));
    expect(
      await answer(h.fake.command(people.owner, 'datanet fund', { datanet: 'English Verse', amount: '30' })),
    ).toContain('Added 30 POT');
  });

  it('autocompletes datanet names', async () => {
    const choices = await h.fake.autocomplete(people.poet, 'datanet info', { datanet: 'eng' }, 'datanet');
    expect(choices.map((c) => c.name)).toEqual(['English Verse']);
  });

  it('makes validators of those who stake', async () => {
    for (const v of [people.v1, people.v2, people.v3]) {
      const text = await answer(
        h.fake.command(v, 'validator stake', { datanet: 'English Verse', amount: '10' }),
      );
      expect(text).toContain('You now stake 10 POT');
    }
  });

  it('takes a contribution by attachment and posts it for review with Approve / Reject buttons', async () => {
    const file = h.fake.attachment('poems.txt', POEMS);
    const text = await answer(h.fake.command(people.poet, 'contribute', { datanet: 'English Verse', file }));
    expect(text).toMatch(/Contribution #\d+ to \*\*English Verse\*\* is pending review/);
    contributionId = /#(\d+)/.exec(text)![1];
    post = await h.fake.waitFor(
      () =>
        h.fake
          .channelMessages(h.reviewChannel.id)
          .find(
            (m) => textOf(m).includes(`Contribution #${contributionId}`) && textOf(m).includes('[Approve]'),
          ),
      'the review post with its buttons',
    );
    expect(textOf(post)).toContain(`Contribution #${contributionId} · English Verse`);
    expect(textOf(post)).toContain('The quiet river carries silver light');
    expect(textOf(post)).toMatch(/score \d+\/100 · language en/);
    expect(post.reactions.size).toBe(0);
  });

  it("refuses the contributor's own vote privately", async () => {
    const refusal = await pressed(h.fake.click(people.poet, post, `vote:approve:${contributionId}`));
    expect(refusal.flags & 64).toBe(64);
    expect(textOf(refusal)).toContain('You cannot vote on your own contribution');
    expect(await votesOn(contributionId)).toBe(0);
  });

  it("refuses a non-validator's vote privately and tells them how to become one", async () => {
    const refusal = await pressed(h.fake.click(people.outsider, post, `vote:approve:${contributionId}`));
    expect(refusal.flags & 64).toBe(64);
    expect(textOf(refusal)).toContain('Only validators can vote here');
    expect(await votesOn(contributionId)).toBe(0);
  });

  it('seals validator votes: an ephemeral confirmation, and no tally on the post, in /review or in a reaction', async () => {
    const before = textOf(post);
    const first = await pressed(h.fake.click(people.v1, post, `vote:approve:${contributionId}`));
    expect(first.flags & 64).toBe(64);
    expect(textOf(first)).toContain('Your vote is sealed');
    // A reaction on the post still counts (older posts), and is taken off as soon as it is counted.
    h.fake.react(people.v2, post, '✅');
    await h.fake.waitFor(async () => (await votesOn(contributionId)) === 2 || undefined);
    await h.fake.waitFor(() => !post.reactions.get('✅')?.includes(people.v2.id), 'the reaction taken off');
    h.fake.redeliverReaction(people.v2, post, '✅');
    expect(await votesOn(contributionId)).toBe(2);
    expect(textOf(post)).toBe(before);
    const review = await h.fake.reply(h.fake.command(people.v3, 'review', {}));
    expect(textOf(review)).toContain('Votes stay sealed until the outcome');
    expect(textOf(review)).not.toMatch(/vote\(s\)|so far|for \d|against/);
  });

  it('lets the third validator decide with the Approve button, once, and edits the post', async () => {
    const review = await h.fake.reply(h.fake.command(people.v3, 'review', {}));
    expect(review.flags & 64).toBe(64);
    expect(textOf(review)).toContain(`Contribution #${contributionId}`);
    expect(textOf(review)).toContain('[Approve]');
    const click = h.fake.click(people.v3, review, `review:approve:${contributionId}:${datanetIdOf(review)}`);
    await h.fake.waitFor(
      () => textOf(review).includes('You approved'),
      'the review message to show the vote',
    );
    expect(textOf(review)).toContain('It is now **approved**');
    h.fake.redeliver(click);
    // Discord refuses the duplicate's acknowledgement, so the bot does no work for it.
    await h.fake.waitFor(() =>
      h.fake.state.requests.some((r) => r.status === 400 && r.path.includes(click.id)),
    );
    await h.fake.waitFor(
      () => /Approved after 3 votes/.test(textOf(post)),
      'the review post to show the outcome',
    );
    expect(await votesOn(contributionId)).toBe(3);
    expect(textOf(post)).toContain('voting is closed');
    expect(textOf(post)).not.toContain('[Approve]');
  });

  it('pays the validators from the pool and shows it in /rewards', async () => {
    const text = await answer(h.fake.command(people.v1, 'rewards'));
    expect(text).toMatch(/As validator: 1 POT/);
    expect(text).toContain('Staked: 10 POT');
    const status = await answer(h.fake.command(people.v1, 'validator status'));
    expect(status).toContain('1 votes · agreement 100% · gold — of 0 · earned 1 POT');
    const board = await answer(
      h.fake.command(people.v2, 'validator leaderboard', { datanet: 'English Verse' }),
    );
    expect(board).toContain('Validators of English Verse');
    expect(board).toMatch(/1\. .*agreement 100%/);
  });

  it('takes long text through the form and a rejection with a reason through the form', async () => {
    const open = h.fake.command(people.poet, 'contribute', { datanet: 'English Verse' });
    await h.fake.waitFor(() => open.modal, 'the contribution form');
    const long = POEMS.replace('hungry', 'hungry tonight');
    const sent = await answer(h.fake.submitModal(people.poet, open, { text: long }));
    const second = /#(\d+)/.exec(sent)![1];
    const review = await h.fake.reply(h.fake.command(people.v1, 'review', { datanet: 'English Verse' }));
    expect(textOf(review)).toContain(`Contribution #${second}`);
    expect(textOf(review)).toContain(`Near-duplicate of: #${contributionId}`);
    const reject = h.fake.click(people.v1, review, `review:reject:${second}:${datanetIdOf(review)}`);
    await h.fake.waitFor(() => reject.modal, 'the reason form');
    h.fake.submitModal(people.v1, reject, { reason: 'Same poem as the first one.' });
    await h.fake.waitFor(
      () => textOf(review).includes(`You rejected #${second}`),
      'the vote on the review message',
    );
    const [vote] = await h.t.app.database
      .sql`select approve, reason from votes where contribution_id = ${second}`;
    expect(vote).toEqual({ approve: false, reason: 'Same poem as the first one.' });
  });

  it('hands out a Telegram link code and an MCP key, privately', async () => {
    const link = await h.fake.reply(h.fake.command(people.poet, 'link'));
    expect(link.flags & 64).toBe(64);
    const code = /`([2-9A-Z]{5}-[2-9A-Z]{5})`/.exec(textOf(link))![1];
    const tg = await h.t.app.accounts.resolveIdentity({ identity: 'telegram:777' });
    expect((await h.t.app.accounts.redeemLinkCode({ identity: 'telegram:777', code })).accountId).not.toBe(
      tg.accountId,
    );
    const key = await h.fake.reply(h.fake.command(people.poet, 'apikey', { name: 'laptop' }));
    expect(key.flags & 64).toBe(64);
    const apiKey = /(pl_[a-z0-9]{16}_[A-Za-z0-9_-]{43})/.exec(textOf(key))![1];
    const poet = await h.t.app.accounts.resolveIdentity({ identity: `discord:${people.poet.id}` });
    expect((await h.t.app.accounts.authenticateApiKey(apiKey)).accountId).toBe(poet.accountId);
  });

  it('trains a model with a progress message edited in place', async () => {
    const train = h.fake.command(people.owner, 'train', { datanet: 'English Verse' });
    const done = await h.fake.waitFor(
      () => train.original && /✅ Training run #\d+/.test(textOf(train.original)) && train.original,
      'the run to succeed',
      60_000,
    );
    runId = /Training run #(\d+)/.exec(textOf(done))![1];
    const versions = done.history.map((v) => textOf(v)).filter((v) => v.includes(`Training run #${runId}`));
    // One message, several states: it started unfinished and was edited to the end state.
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions[0]).toMatch(/\*\*(queued|running)\*\*/);
    expect(versions.at(-1)).toContain('▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰▰ 100%');
    expect(versions.at(-1)).toContain(`/model publish run:${runId}`);
    expect(await answer(h.fake.command(people.owner, 'run status', { run: Number(runId) }))).toContain(
      'succeeded',
    );
    const cancel = await answer(h.fake.command(people.poet, 'run cancel', { run: Number(runId) }));
    expect(cancel).toContain('Only the developer who started this training run can cancel it.');
  });

  it('publishes the run as a paid model', async () => {
    const text = await answer(
      h.fake.command(people.owner, 'model publish', {
        run: Number(runId),
        name: 'Verse Bot',
        price: '0.5',
        split: '40/40/10/10',
      }),
    );
    expect(text).toContain('Verse Bot');
    expect(text).toContain('0.5 POT per call');
    expect(text).toContain('developer 40% · data 40% · validators 10% · protocol 10%');
    const choices = await h.fake.autocomplete(people.v2, 'ask', { model: 'verse', prompt: 'x' }, 'model');
    modelId = String(choices[0].value);
    expect(choices.map((c) => c.name)).toEqual(['Verse Bot']);
  });

  it('refuses /ask without enough balance, privately, and says where to look', async () => {
    const refusal = await h.fake.reply(
      h.fake.command(people.broke, 'ask', { model: modelId, prompt: 'The quiet river' }),
    );
    expect(refusal.flags & 64).toBe(64);
    expect(textOf(refusal)).toContain('costs 0.5 tokens per call and your balance is short');
    expect(textOf(refusal)).toContain('/rewards');
  });

  it('answers /ask with a receipt naming the fee and the contributions, charging once per interaction', async () => {
    const v2 = await h.t.app.accounts.resolveIdentity({ identity: `discord:${people.v2.id}` });
    const before = (await h.t.app.ledger.getBalance({ accountId: v2.accountId })).available;
    const ask = h.fake.command(people.v2, 'ask', { model: modelId, prompt: 'The quiet river carries' });
    const text = await answer(ask);
    expect(text).toContain(
      'Fee: 0.5 POT · developer 0.2 POT · data 0.2 POT · validators 0.05 POT · protocol 0.05 POT',
    );
    expect(text).toMatch(new RegExp(`Top contributors: #${contributionId} 100%`));
    // The embed's title links the receipt's public page.
    const [embed] = (await h.fake.reply(ask)).embeds as { url?: string }[];
    expect(embed.url).toBe(`http://localhost/receipts/${/Receipt #(\d+)/.exec(text)![1]}`);
    h.fake.redeliver(ask);
    await h.fake.waitFor(() =>
      h.fake.state.requests.some((r) => r.status === 400 && r.path.includes(ask.id)),
    );
    // Paid once; v2 also validated the data the answer used, so a slice of the fee came back.
    const receipt = await h.t.app.inference.getReceipt({ receiptId: /Receipt #(\d+)/.exec(text)![1] });
    const back = receipt.payouts
      .filter((p) => p.accountId === v2.accountId)
      .reduce((a, p) => a + BigInt(p.amount), 0n);
    expect((await h.t.app.ledger.getBalance({ accountId: v2.accountId })).available).toBe(
      before - 5n * 10n ** 17n + back,
    );
  });

  it('shows the split in /rewards: contributor, developer and validator earnings', async () => {
    expect(await answer(h.fake.command(people.poet, 'rewards'))).toContain('As contributor: 0.2 POT');
    expect(await answer(h.fake.command(people.owner, 'rewards'))).toContain('As developer: 0.2 POT');
    // 1 POT from the pool for the decision, plus a third of the 0.05 POT validator share.
    expect(await answer(h.fake.command(people.v3, 'rewards'))).toContain('As validator: 1.0166 POT');
  });

  it('links a wallet by SIWE and claims the settled rewards to it', async () => {
    const wallet = privateKeyToAccount(generatePrivateKey());
    const start = await h.fake.reply(h.fake.command(people.poet, 'wallet link', { address: wallet.address }));
    const message = /```\n([\s\S]+?)\n```/.exec(start.content)![1];
    expect(message).toContain(wallet.address);
    const open = h.fake.click(people.poet, start, 'wallet:sign');
    await h.fake.waitFor(() => open.modal, 'the signature form');
    h.fake.submitModal(people.poet, open, { signature: await wallet.signMessage({ message }) });
    await h.fake.waitFor(() => start.content.includes('linked'), 'the wallet to be linked');
    expect(start.content.toLowerCase()).toContain(wallet.address.toLowerCase());
    expect(await answer(h.fake.command(people.poet, 'claim'))).toContain('Nothing to claim yet');
    // The service's epoch clock and outbox worker, run once by hand.
    await h.t.app.rewards.settleEpoch();
    await h.t.app.chain.runOutboxOnce();
    const claimed = await answer(h.fake.command(people.poet, 'claim'));
    expect(claimed).toMatch(new RegExp(`Claimed 0\\.2 POT to \`${wallet.address}\``, 'i'));
    expect(await answer(h.fake.command(people.poet, 'rewards'))).toContain('Claimed: 0.2 POT');
    expect(h.fake.state.unhandled).toEqual([]);
  });
});

function datanetIdOf(review: StoredMessage): string {
  const row = review.components[0] as { components: { custom_id: string }[] };
  return row.components[0].custom_id.split(':')[3];
}
