import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUpdate, type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import type { RecordedCall } from './fakeTelegram/startFakeTelegram.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { pngSize } from './support/pngSize.ts';
import { samplePoem } from './support/samplePoems.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

// /leaderboard, /preview and /chart on the real grammY bot against the fake Bot API (issue 18).
let h: TelegramHarness;
let seeded: SeededDatanet;
const reader: FakeUser = { id: 7301, first_name: 'Reader' };
const persian: FakeUser = { id: 7302, first_name: 'Parisa', language_code: 'fa' };
const GROUP = -730_000;

// 15 approved poems by 11 poets: poet0 wrote 4, poet1 2, the rest 1 each (two pages of ten).
const AUTHORS = Array.from({ length: 15 }, (_, i) => (i < 4 ? 0 : i < 6 ? 1 : i - 4));

const textOf = (c: RecordedCall) => String(c.payload.text ?? '');
const buttons = (c: RecordedCall) =>
  (
    (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();

beforeAll(async () => {
  h = await startTelegramHarness({ env: { LOG_LEVEL: 'error' } });
  seeded = await seedApprovedDatanet(h.app, {
    name: 'Board Verse',
    texts: AUTHORS.map((_, i) => samplePoem('en', 300 + i, 240)),
    authors: AUTHORS,
    authorCount: 11,
  });
}, 120_000);
afterAll(async () => h?.close());

describe('/leaderboard', () => {
  it('shows contributors in private, pages and switches boards with buttons', async () => {
    const first = await h.send(messageUpdate(reader, '/leaderboard Board Verse'));
    // Nobody has been paid for data yet: the earnings board is empty, the other boards are offered.
    expect(textOf(first)).toBe(
      '🏆 <b>Top contributors of Board Verse by earnings</b> — Page 1\n<i>Nobody on this board yet.</i>',
    );
    const messageId = (first.result as { message_id: number }).message_id;
    const approvedButton = buttons(first).find((b) => b.text === 'Contributors by approved items')!;
    expect(approvedButton.callback_data).toBe(`lb:a:${seeded.datanetId}:0`);

    const page1 = await h.send(
      callbackUpdate(reader, approvedButton.callback_data, { chatId: reader.id, messageId }),
    );
    expect(page1.method).toBe('editMessageText');
    const lines = textOf(page1).split('\n');
    expect(lines[0]).toBe('🏆 <b>Top contributors of Board Verse by approved items</b> — Page 1');
    expect(lines.slice(1)).toHaveLength(10);
    expect(lines[1]).toBe('1. poet0 · 0 POT · 4 approved');
    const next = buttons(page1).find((b) => b.text === 'Next ▶')!;
    expect(buttons(page1).some((b) => b.text === '◀ Previous')).toBe(false);

    const page2 = await h.send(callbackUpdate(reader, next.callback_data, { chatId: reader.id, messageId }));
    expect(textOf(page2).split('\n').slice(1)).toHaveLength(1);
    expect(textOf(page2).split('\n')[1]).toMatch(/^11\. poet\d+ · 0 POT · 1 approved$/);
    expect(buttons(page2).map((b) => b.text)).toContain('◀ Previous');
    expect(buttons(page2).map((b) => b.text)).not.toContain('Next ▶');
  });

  it('speaks Persian and ranks validators', async () => {
    const reply = await h.send(messageUpdate(persian, '/leaderboard Board Verse'));
    const v = buttons(reply).find((b) => b.callback_data.startsWith('lb:v:'))!;
    expect(v.text).toBe('اعتبارسنج‌ها بر پایهٔ درآمد و هم‌رأیی');
    const messageId = (reply.result as { message_id: number }).message_id;
    const board = await h.send(callbackUpdate(persian, v.callback_data, { chatId: persian.id, messageId }));
    const lines = textOf(board).split('\n');
    expect(lines).toHaveLength(3);
    // Persian digits and percent sign: 100% agreement over 15 decided votes.
    expect(lines[1]).toContain('هم‌رأیی \u2068۱۰۰٪\u2069');
    expect(lines[1]).toContain('\u2068۱۵\u2069 رأی قطعی');
  });

  it('posts in a group only when asked to', async () => {
    const refused = await h.send(messageUpdate(reader, '/leaderboard Board Verse', { chatId: GROUP }));
    expect(textOf(refused)).toContain('/leaderboard public Board Verse');
    expect(textOf(refused)).not.toContain('poet0');
    const posted = await h.send(messageUpdate(reader, '/leaderboard public Board Verse', { chatId: GROUP }));
    expect(Number(posted.payload.chat_id)).toBe(GROUP);
    expect(textOf(posted)).toContain('Top contributors of Board Verse by earnings');
  });
});

describe('/preview', () => {
  it('shows counts, the check-score spread and a sample', async () => {
    const reply = textOf(await h.send(messageUpdate(reader, '/preview Board Verse')));
    expect(reply).toContain('📚 <b>Approved data of Board Verse</b>');
    expect(reply).toContain('15 approved items from 11 contributors');
    const bars = reply.split('\n').filter((l) => l.startsWith('<code>'));
    expect(bars).toHaveLength(10);
    expect(bars.reduce((s, l) => s + Number(l.split(' ').at(-1)), 0)).toBe(15);
    expect(reply.match(/<blockquote>/g)).toHaveLength(5);
  });
});

describe('/chart', () => {
  it('sends the activity chart as a photo, then its data as text', async () => {
    const from = h.fake.state.calls.length;
    const text = await h.send(messageUpdate(reader, '/chart activity Board Verse'));
    const photo = h.fake.state.calls.slice(from).find((c) => c.method === 'sendPhoto')!;
    expect(photo.error).toBeUndefined();
    const file = photo.payload.photo as { filename: string; content: Buffer };
    expect(file.filename).toMatch(/^activity-\d+-\d{4}-\d{2}-\d{2}\.png$/);
    expect(pngSize(file.content)).toEqual({ width: 1280, height: 640 });
    expect(String(photo.payload.caption)).toMatch(/^📈 <b>Board Verse: activity, /);
    expect(textOf(text).split('\n')[0]).toBe('In these days: Submitted 15, Approved 15, Rejected 0');
  });

  it('keeps earnings to the private chat', async () => {
    const refused = await h.send(messageUpdate(reader, '/chart earnings', { chatId: GROUP }));
    expect(textOf(refused)).toContain('private chat');
    const from = h.fake.state.calls.length;
    const text = await h.send(messageUpdate(reader, '/chart earnings 7'));
    expect(textOf(text)).toBe('Earned in these days: 0 POT');
    const photo = h.fake.state.calls.slice(from).find((c) => c.method === 'sendPhoto')!;
    expect(pngSize((photo.payload.photo as { content: Buffer }).content)).toEqual({
      width: 1280,
      height: 640,
    });
  });
});
