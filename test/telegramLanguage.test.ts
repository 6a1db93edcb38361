import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { samplePoem } from './support/samplePoems.ts';

const parvin: FakeUser = { id: 6001, first_name: 'Parvin', language_code: 'fa' };
const newcomer: FakeUser = { id: 6002, first_name: 'Newcomer', language_code: 'fa' };
const klaus: FakeUser = { id: 6003, first_name: 'Klaus', language_code: 'de' };

let h: TelegramHarness;
const textOf = (call: { payload: Record<string, unknown> }) => String(call.payload.text);
const buttonsOf = (call: { payload: Record<string, unknown> }) =>
  ((call.payload.reply_markup as { inline_keyboard?: { text: string }[][] })?.inline_keyboard ?? [])
    .flat()
    .map((b) => b.text);
const say = async (user: FakeUser, text: string) => textOf(await h.send(messageUpdate(user, text)));

beforeAll(async () => {
  h = await startTelegramHarness({ mode: 'polling' });
  const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${parvin.id}` });
  await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  await h.app.datanets.create({ ownerAccountId: accountId, name: 'شعر فارسی', quorumVotes: 1 });
});
afterAll(async () => h?.close());

describe('Telegram in Persian', () => {
  it('sets a Persian command menu next to the default one', () => {
    const menus = h.fake.callsOf('setMyCommands');
    const persian = menus.find((c) => c.payload.language_code === 'fa');
    const english = menus.find((c) => c.payload.language_code === undefined);
    const byCommand = (call: typeof persian) =>
      Object.fromEntries(
        ((call?.payload.commands ?? []) as { command: string; description: string }[]).map((c) => [
          c.command,
          c.description,
        ]),
      );
    expect(byCommand(persian).rewards).toBe('موجودی و درآمد شما');
    expect(byCommand(english).rewards).toBe('Your balance and what you earned');
    expect(byCommand(persian).language).toBe('انتخاب زبان من (انگلیسی، فارسی)');
  });

  it('greets a Persian app in Persian, without creating an account', async () => {
    const text = await say(newcomer, '/start');
    expect(text).toContain('👋 <b>به پات‌لاک خوش آمدید</b>؛ جایی که مردم با هم هوش مصنوعی می‌سازند');
    expect(text).toContain('• /rewards — موجودی و درآمد شما');
    expect(text).not.toContain('Welcome');
    const [row] = await h.app.database
      .sql`select count(*)::int as n from identities where identity = ${`telegram:${newcomer.id}`}`;
    expect(row.n).toBe(0);
  });

  it('shows rewards in Persian, with Persian digits and isolated amounts', async () => {
    const reply = await h.send(messageUpdate(parvin, '/rewards'));
    const text = textOf(reply);
    expect(text).toContain('💰 <b>پاداش‌های شما</b>');
    // The faucet's 100 POT, isolated so the Latin symbol keeps its place in the Persian line.
    expect(text).toContain('موجودی آزاد: \u2068<b>۱۰۰ POT</b>\u2069');
    expect(text).toContain('کیف پولی پیوند نشده');
    expect(buttonsOf(reply)).toEqual(['📊 جزئیات', '📜 تاریخچه', '🔄 تازه‌سازی']);
  });

  it('takes a Persian poem and answers in Persian, with the count in Persian digits', async () => {
    const text = await say(parvin, `/contribute شعر فارسی\n${samplePoem('fa', 1, 200)}`);
    // Every number and id inside the Persian sentence is isolated, so it cannot flip the order.
    expect(text).toMatch(/\u2068۱\u2069 مورد پذیرفته شد: \u2068#\d+\u2069، اکنون در انتظار اعتبارسنج‌ها/);
    expect(text).toContain('ودیعهٔ نگه‌داشته: \u2068۱ POT\u2069');
    const listed = await say(parvin, '/datanets');
    expect(listed).toContain('\u2068۱\u2069 در انتظار');
  });

  it('refuses in Persian', async () => {
    const text = await say(parvin, '/ask');
    expect(text).toContain('⚠️ <b>درست به نظر نمی‌رسید</b>');
    expect(text).toContain('همهٔ فرمان‌ها را با نمونه نشان می‌دهد');
  });

  it('answers a language it does not speak in English', async () => {
    expect(await say(klaus, '/help')).toContain('<b>What I can do</b>');
  });

  it('switches to English with /language en and back with /language auto', async () => {
    expect(await say(parvin, '/language en')).toBe('From now on I answer you in English.');
    expect(await say(parvin, '/start')).toContain('Welcome to Potluck');
    expect(await say(parvin, '/rewards')).toContain('Available: <b>99 POT</b>');

    expect(await say(parvin, '/language auto')).toBe(
      'دوباره از زبان برنامه‌تان پیروی می‌کنم (اکنون \u2068فارسی\u2069).',
    );
    expect(await say(parvin, '/help')).toContain('<b>کارهایی که از من برمی‌آید</b>');
  });

  it('offers the languages as buttons, each in its own language', async () => {
    const reply = await h.send(messageUpdate(klaus, '/language'));
    expect(textOf(reply)).toContain('/language fa');
    expect(buttonsOf(reply)).toEqual([
      'فارسی',
      'English',
      'Automatic (follow my app) / خودکار (مانند برنامه‌ام)',
    ]);
  });
});
