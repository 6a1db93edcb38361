import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../bots/i18n/translator.ts';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeUser, StoredMessage } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { TOKEN } from './support/fixtures.ts';
import { type PaidModel, publishPaidModel } from './support/publishPaidModel.ts';
import { samplePoem } from './support/samplePoems.ts';

// /receipt, /history, /transfer and /withdraw on the real bot (issue 18 point 4).
let h: DiscordHarness;
let poet: FakeUser;
let friend: FakeUser;
let poetAccount: string;
let paid: PaidModel;
let receiptId: string;
const en = translator('en');

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}
const embedOf = (m: StoredMessage) => m.embeds[0] as Embed;
const answer = async (ix: ReturnType<DiscordHarness['fake']['command']>) => textOf(await h.fake.reply(ix));
const available = async (accountId: string) => (await h.t.app.ledger.getBalance({ accountId })).available;

beforeAll(async () => {
  h = await startDiscordHarness({}, (fake) => {
    poet = fake.addUser('Poet');
    friend = fake.addUser('Friend');
    return undefined;
  });
  const app = h.t.app;
  paid = await publishPaidModel(app, 3n * TOKEN);
  // The poet here is the datanet's top-earning contributor, joined to their Discord identity.
  const [top] = (await app.contributions.leaderboard({ datanetId: paid.datanetId })).entries;
  poetAccount =
    top?.accountId ??
    (await app.contributions.leaderboard({ datanetId: paid.datanetId, by: 'approved' })).entries[0].accountId;
  const { code } = await app.accounts.createLinkCode({ accountId: poetAccount });
  await app.accounts.redeemLinkCode({ identity: `discord:${poet.id}`, code });
  const caller = (await app.accounts.resolveIdentity({ identity: `discord:${friend.id}` })).accountId;
  await app.ledger.requestFaucet({ accountId: caller, idempotencyKey: 'friend' });
  for (const [i, prompt] of ['The little model dreams in borrowed words,', 'borrowed words'].entries()) {
    const r = await app.inference.invoke({
      accountId: caller,
      modelId: paid.modelId,
      prompt,
      maxTokens: 24,
      temperature: 0,
      idempotencyKey: `ask-${i}`,
    });
    receiptId ??= r.receipt.receiptId;
  }
}, 120_000);
afterAll(async () => h?.close());

describe('/receipt', () => {
  it('shows a paid answer’s full receipt: fee, split, credited contributions and hash', async () => {
    const r = await h.t.app.inference.getReceipt({ receiptId });
    const m = await h.fake.reply(h.fake.command(poet, 'receipt', { id: `#${receiptId}` }));
    const e = embedOf(m);
    expect(e.title).toBe(`🧾 Receipt #${receiptId}`);
    const field = (name: string) => e.fields!.find((f) => f.name === name)!.value;
    expect(field('Fee')).toBe('3 POT');
    expect(field('Split')).toContain('developer 0.6 POT');
    expect(field('Receipt hash')).toBe(`\`${r.receiptHash}\``);
    const credited = field('Credited contributions').split('\n');
    expect(credited.length).toBe(Math.min(15, r.attribution.contributions.length));
    expect(credited[0]).toMatch(
      new RegExp(`^#${r.attribution.contributions[0].contributionId} · [\\d.]+% · data `),
    );
    expect(textOf(await h.fake.reply(h.fake.command(poet, 'receipt', { id: '999999' })))).toContain(
      'not found',
    );
  });
});

describe('/history', () => {
  it('lists the caller’s own payouts, newest first', async () => {
    const earned = await h.t.app.ledger.listEarningsSince({ accountId: poetAccount, limit: 10 });
    expect(earned.count).toBeGreaterThan(0);
    const m = await h.fake.reply(h.fake.command(poet, 'history'));
    expect(m.flags & 64).toBe(64);
    const lines = embedOf(m).description!.split('\n');
    expect(lines).toHaveLength(Math.min(10, earned.count));
    const newest = earned.entries[0];
    expect(lines[0].startsWith(`${en.amount(newest.amount, { signed: true })} as ${newest.role}`)).toBe(true);
    expect(embedOf(m).footer?.text).toBe(`page 1 of ${Math.max(1, Math.ceil(earned.count / 10))}`);
    // Someone who earned nothing sees an empty history, not the poet's.
    const other = await h.fake.reply(h.fake.command(friend, 'history'));
    expect(embedOf(other).description).toBe('Nothing here yet. Payouts appear as soon as you earn.');
  });
});

describe('/transfer', () => {
  it('pays another member once, and refuses bots and the caller themself', async () => {
    const friendAccount = (await h.t.app.accounts.resolveIdentity({ identity: `discord:${friend.id}` }))
      .accountId;
    const [poetBefore, friendBefore] = [await available(poetAccount), await available(friendAccount)];
    const ix = h.fake.command(poet, 'transfer', { to: friend.id, amount: '1.5', memo: 'for the tea' });
    expect(textOf(await h.fake.reply(ix))).toBe('💸 Paid 1.5 POT to Friend.');
    // Discord delivering the same interaction again moves nothing twice.
    h.fake.redeliver(ix);
    expect(await available(poetAccount)).toBe(poetBefore - (3n * TOKEN) / 2n);
    expect(await available(friendAccount)).toBe(friendBefore + (3n * TOKEN) / 2n);
    expect(await answer(h.fake.command(poet, 'transfer', { to: h.fake.botUserId, amount: '1' }))).toContain(
      'Bots have no balance',
    );
    expect(await answer(h.fake.command(poet, 'transfer', { to: poet.id, amount: '1' }))).toContain(
      'Cannot transfer to the same account',
    );
  });
});

describe('/withdraw', () => {
  it('takes back the caller’s own pending contribution and its deposit, and no one else’s', async () => {
    const submitted = await h.t.app.contributions.submit({
      accountId: poetAccount,
      datanetId: paid.datanetId,
      idempotencyKey: 'pending-one',
      items: [{ text: samplePoem('en', 901, 240) }],
    });
    const id = submitted.accepted[0].contributionId;
    expect(await answer(h.fake.command(friend, 'withdraw', { contribution: id }))).toMatch(
      /^❌ Only the contributor can withdraw/,
    );
    const before = await available(poetAccount);
    const done = await answer(h.fake.command(poet, 'withdraw', { contribution: id }));
    const c = await h.t.app.contributions.get({ contributionId: id });
    expect(c.status).toBe('withdrawn');
    expect(done).toBe(
      `↩️ Contribution #${id} withdrawn; ${en.amount(c.deposit)} deposit is back in your balance.`,
    );
    expect(await available(poetAccount)).toBe(before + c.deposit);
  });
});
