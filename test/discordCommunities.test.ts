import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeUser, StoredMessage } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { pngSize } from './support/pngSize.ts';
import { samplePoem } from './support/samplePoems.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

// /leaderboard, /preview and /chart on the real bot against the fake Discord (issue 18 points 2, 3, 7).
let h: DiscordHarness;
let reader: FakeUser;
let poet0: FakeUser;
let seeded: SeededDatanet;

// 15 approved poems by 11 poets: poet0 wrote 4, poet1 2, the rest 1 each, so the board has 2 pages.
const AUTHORS = Array.from({ length: 15 }, (_, i) => (i < 4 ? 0 : i < 6 ? 1 : i - 4));

beforeAll(async () => {
  h = await startDiscordHarness({}, (fake) => {
    reader = fake.addUser('Reader');
    poet0 = fake.addUser('Poet Zero');
    return undefined;
  });
  seeded = await seedApprovedDatanet(h.t.app, {
    name: 'Board Poems',
    texts: AUTHORS.map((_, i) => samplePoem('en', 100 + i, 240)),
    authors: AUTHORS,
    authorCount: 11,
  });
  // The top poet's account, joined to a Discord user, to see their own row marked.
  const { code } = await h.t.app.accounts.createLinkCode({ accountId: seeded.contributors[0] });
  await h.t.app.accounts.redeemLinkCode({ identity: `discord:${poet0.id}`, code });
}, 120_000);
afterAll(async () => h?.close());

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
  image?: { url: string };
  fields?: { name: string; value: string }[];
}
interface Button {
  custom_id: string;
  disabled?: boolean;
}
const embedOf = (m: StoredMessage) => m.embeds[0] as Embed;
const buttonsOf = (m: StoredMessage) =>
  (m.components as { components: Button[] }[]).flatMap((row) => row.components);

describe('/leaderboard', () => {
  it('shows only the caller page 1 of contributors by approved items, and pages with buttons', async () => {
    const ix = h.fake.command(reader, 'leaderboard', { datanet: seeded.datanetId, board: 'approved' });
    const first = await h.fake.reply(ix);
    expect(first.flags & 64).toBe(64);
    expect(embedOf(first).title).toBe('🏆 Top contributors of Board Poems by approved items');
    const lines = embedOf(first).description!.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('1. poet0 · 0 POT · 4 approved');
    expect(lines[1]).toBe('2. poet1 · 0 POT · 2 approved');
    const [prev, next] = buttonsOf(first);
    expect(prev.disabled).toBe(true);
    expect(next.disabled).toBe(false);
    expect(next.custom_id).toBe(`lb:a:${seeded.datanetId}:1`);

    const edits = first.history.length;
    h.fake.click(reader, first, next.custom_id);
    await h.fake.waitFor(() => first.history.length > edits, 'page 2');
    expect(embedOf(first).description!.split('\n')).toEqual([
      `11. ${embedOf(first).description!.split('. ')[1].split(' ·')[0]} · 0 POT · 1 approved`,
    ]);
    expect(embedOf(first).footer?.text).toBe('Page 2');
    expect(buttonsOf(first).map((b) => b.disabled)).toEqual([false, true]);
    expect(h.fake.channelMessages(h.fake.defaultChannelId)).not.toContain(first);
  });

  it('posts for everyone when asked, and ranks validators', async () => {
    const ix = h.fake.command(reader, 'leaderboard', {
      datanet: seeded.datanetId,
      board: 'validators',
      public: true,
    });
    const board = await h.fake.reply(ix);
    expect(board.flags & 64).toBe(0);
    expect(h.fake.channelMessages(h.fake.defaultChannelId).map((m) => m.id)).toContain(board.id);
    const lines = embedOf(board).description!.split('\n');
    expect(lines).toHaveLength(2);
    // Both voted on all 15 and agreed with every outcome.
    expect(lines[0]).toMatch(/^1\. validator\d · agreement 100% · 15 decided votes · earned /);
  });

  it('marks the caller’s own row only on a board nobody else reads', async () => {
    const own = await h.fake.reply(
      h.fake.command(poet0, 'leaderboard', { datanet: seeded.datanetId, board: 'approved' }),
    );
    expect(embedOf(own).description!.split('\n')[0]).toBe('**1. poet0 · 0 POT · 4 approved** ← you');
    const shared = await h.fake.reply(
      h.fake.command(poet0, 'leaderboard', { datanet: seeded.datanetId, board: 'approved', public: true }),
    );
    expect(embedOf(shared).description!.split('\n')[0]).toBe('1. poet0 · 0 POT · 4 approved');
    const edits = shared.history.length;
    h.fake.click(poet0, shared, buttonsOf(shared)[1].custom_id);
    await h.fake.waitFor(() => shared.history.length > edits, 'page 2 of the public board');
    h.fake.click(poet0, shared, buttonsOf(shared)[0].custom_id);
    await h.fake.waitFor(() => shared.history.length > edits + 1, 'page 1 again');
    expect(embedOf(shared).description).not.toContain('← you');
  });

  it('refuses an unknown datanet', async () => {
    const text = textOf(await h.fake.reply(h.fake.command(reader, 'leaderboard', { datanet: 'Nope' })));
    expect(text).toBe('❌ Datanet Nope was not found.\n-# /datanet list shows the datanets.');
  });
});

describe('/preview', () => {
  it('shows the approved data: counts, score spread and a sample', async () => {
    const m = await h.fake.reply(h.fake.command(reader, 'preview', { datanet: seeded.datanetId }));
    const e = embedOf(m);
    expect(e.title).toBe('📚 Approved data of Board Poems');
    expect(e.description).toContain('15 approved items from 11 contributors');
    const languages = await h.t.app.database.sql<{ language: string; n: string }[]>`
      select language, count(*) as n from contributions where datanet_id = ${seeded.datanetId}
      group by language order by count(*) desc, language`;
    expect(e.description).toContain(`Languages: ${languages.map((l) => `${l.language} ${l.n}`).join(', ')}`);
    const scores = e.fields!.find((f) => f.name === 'Check scores')!.value;
    expect(scores.split('\n')).toHaveLength(10);
    const counted = scores.split('\n').reduce((s, l) => s + Number(l.split(' ').at(-1)), 0);
    expect(counted).toBe(15);
    const samples = e.fields!.filter((f) => f.name.startsWith('#'));
    expect(samples).toHaveLength(5);
    const c = await h.t.app.contributions.get({ contributionId: samples[0].name.slice(1).split(' ')[0] });
    expect(samples[0].value.replace(/…$/, '')).toBe([...c.content].slice(0, 280).join(''));
  });
});

describe('/chart', () => {
  it('sends the activity chart as a PNG attachment with the same data as text', async () => {
    const m = await h.fake.reply(h.fake.command(reader, 'chart activity', { datanet: seeded.datanetId }));
    expect(m.files).toHaveLength(1);
    const [file] = m.files;
    expect(file.filename).toMatch(/^activity-\d+-\d{4}-\d{2}-\d{2}\.png$/);
    expect(file.contentType).toBe('image/png');
    expect(pngSize(file.content)).toEqual({ width: 1280, height: 640 });
    expect(file.description).toMatch(/^Board Poems: activity, /);
    const e = embedOf(m);
    expect(e.image?.url).toBe(`attachment://${file.filename}`);
    expect(e.description!.split('\n')[0]).toBe('In these days: Submitted 15, Approved 15, Rejected 0');
  });

  it('draws the caller’s own earnings, even when there are none yet', async () => {
    const m = await h.fake.reply(h.fake.command(reader, 'chart earnings', { days: 7 }));
    expect(pngSize(m.files[0].content)).toEqual({ width: 1280, height: 640 });
    expect(embedOf(m).description).toBe('Earned in these days: 0 POT');
  });
});
