import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAF_ENCODINGS } from '../src/anchoring/merkleTrees.ts';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeUser, StoredMessage } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { drainOutbox } from './support/chainHelpers.ts';
import { TOKEN } from './support/fixtures.ts';

// /proof on the real bot (issue 18 point 4: proofs on Discord), and /review in the reader's language (point 1).
let h: DiscordHarness;
let poet: FakeUser;
let shirin: FakeUser;
let contributionId: string;
let datanetId: string;
let owner: string;

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}
const embedOf = (m: StoredMessage) => m.embeds[0] as Embed;
const field = (e: Embed, prefix: string) => e.fields?.find((f) => f.name.startsWith(prefix))?.value;
/** Persian messages isolate their arguments (FSI … PDI); the words around them are what is checked. */
const bare = (text: string | undefined) => (text ?? '').replace(/[\u2066-\u2069]/g, '');
const codeBlock = (value: string) => JSON.parse(value.replace(/^```json\n/, '').replace(/\n```$/, ''));

beforeAll(async () => {
  // Batches anchor at once, so the proof is on chain within the test.
  h = await startDiscordHarness({ OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' }, (fake) => {
    poet = fake.addUser('Poet');
    shirin = fake.addUser('Shirin');
    return undefined;
  });
  const app = h.t.app;
  const [first, v1, v2] = await Promise.all(
    ['owner', 'v1', 'v2'].map(async (name) => {
      const { accountId } = await app.accounts.createAgent({ name });
      await app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
      return accountId;
    }),
  );
  owner = first;
  const d = await app.datanets.create({
    ownerAccountId: owner,
    name: 'Proof Verse',
    validationReward: TOKEN,
  });
  await app.datanets.fundPool({
    accountId: owner,
    datanetId: d.id,
    amount: 10n * TOKEN,
    idempotencyKey: 'pool',
  });
  const r = await app.contributions.submit({
    accountId: owner,
    datanetId: d.id,
    items: [{ text: 'Lanterns sway above the night market as the rain taps softly on the canvas roofs.' }],
    idempotencyKey: 'c',
  });
  contributionId = r.accepted[0].contributionId;
  datanetId = d.id;
  for (const v of [v1, v2]) {
    await app.validation.stake({ accountId: v, datanetId: d.id, amount: 10n * TOKEN, idempotencyKey: 's' });
    await app.validation.vote({ accountId: v, contributionId, approve: true });
  }
  await drainOutbox(app);
}, 120_000);
afterAll(async () => h?.close());

describe('/proof', () => {
  it('shows an anchored contribution’s leaf, root, transaction and a Merkle proof that verifies', async () => {
    const expected = await h.t.app.chain.getContributionProof({ contributionId });
    if (expected.state === 'queued') throw new Error('not anchored');
    const m = await h.fake.reply(h.fake.command(poet, 'proof contribution', { id: `#${contributionId}` }));
    expect(m.flags & 64).toBe(64);
    const e = embedOf(m);
    expect(e.title).toBe(`🔐 Contribution #${contributionId}`);
    expect(e.description).toBe('Anchored on chain.');
    expect(field(e, 'Merkle root')).toBe(`\`${expected.batch.root}\``);
    expect(field(e, 'Anchoring transaction')).toMatch(/^`0x[0-9a-f]{64}`$/);
    expect(field(e, 'Verifies on chain')).toBe('✅ yes, the registry accepts it');
    // What the user reads is enough to check the proof themself, against the root shown.
    const leaf = codeBlock(field(e, 'Leaf')!);
    const proof = codeBlock(field(e, 'Merkle proof')!);
    expect(leaf).toEqual(expected.leaf);
    const root = field(e, 'Merkle root')!.replaceAll('`', '');
    expect(
      StandardMerkleTree.verify(
        root,
        [...LEAF_ENCODINGS.contribution],
        [leaf.contributionId, leaf.contributorRef, leaf.contentHash, leaf.datanetId],
        proof,
      ),
    ).toBe(true);
  });

  it('proves the validation outcome too', async () => {
    const m = await h.fake.reply(h.fake.command(poet, 'proof validation', { id: contributionId }));
    const e = embedOf(m);
    expect(e.title).toBe(`🔐 Validation of contribution #${contributionId}`);
    expect(codeBlock(field(e, 'Leaf')!)).toMatchObject({ approved: true });
    expect(field(e, 'Verifies on chain')).toBe('✅ yes, the registry accepts it');
  });

  it('says clearly when there is no such contribution', async () => {
    const text = textOf(await h.fake.reply(h.fake.command(poet, 'proof contribution', { id: '999999' })));
    expect(text).toContain('not found');
    expect(text).toContain('999999');
  });
});

describe('/review in Persian', () => {
  it('speaks Persian to a validator who chose it: the card, its buttons and the empty queue', async () => {
    const app = h.t.app;
    expect(textOf(await h.fake.reply(h.fake.command(shirin, 'language', { language: 'fa' })))).toMatch(
      /[\u0600-\u06FF]/,
    );
    const none = textOf(await h.fake.reply(h.fake.command(shirin, 'review')));
    expect(none).toContain('هنوز اعتبارسنج هیچ دیتانتی نیستید');
    const { accountId } = await app.accounts.resolveIdentity({ identity: `discord:${shirin.id}` });
    await app.ledger.requestFaucet({ accountId, idempotencyKey: 'shirin' });
    await app.validation.stake({ accountId, datanetId, amount: 10n * TOKEN, idempotencyKey: 'shirin-stake' });
    const r = await app.contributions.submit({
      accountId: owner,
      datanetId,
      items: [{ text: 'The river writes its long letter to the sea and never signs its name at the end.' }],
      idempotencyKey: 'c2',
    });
    const id = r.accepted[0].contributionId;
    const card = await h.fake.reply(h.fake.command(shirin, 'review'));
    const e = embedOf(card);
    expect(bare(e.title)).toContain(`مشارکت #${id}`);
    expect(e.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['بررسی‌های خودکار', 'ودیعه']));
    expect(textOf(card)).toContain('رأی‌ها تا اعلام نتیجه پنهان می‌مانند');
    expect(textOf(card)).not.toContain('Votes stay sealed');
    const labels = JSON.stringify(card.components);
    expect(labels).toContain('تأیید');
    expect(labels).not.toContain('Approve');
    // Her vote is confirmed in Persian too, and the queue she emptied says so in Persian.
    const approve = h.fake.click(shirin, card, `review:approve:${id}:${datanetId}`);
    await h.fake.waitFor(
      () => bare(textOf(card)).includes(`مشارکت #${id} را با`),
      'the Persian confirmation',
    );
    expect(approve).toBeDefined();
    expect(textOf(card)).toContain('چیزی منتظر رأی شما نیست');
    const status = bare(textOf(await h.fake.reply(h.fake.command(shirin, 'validator status'))));
    expect(status).toContain('وضعیت اعتبارسنجی شما');
    expect(status).toContain('**Proof Verse** · سهام ۱۰ POT');
  });
});
