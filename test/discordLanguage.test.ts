import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeUser } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { samplePoem } from './support/samplePoems.ts';

// Discord has no Persian client locale: Persian speakers choose it with /language, for good.
let h: DiscordHarness;
let shirin: FakeUser;
let george: FakeUser;

beforeAll(async () => {
  h = await startDiscordHarness({}, (fake) => {
    shirin = fake.addUser('Shirin', { locale: 'de' });
    george = fake.addUser('George', { locale: 'en-GB' });
    return undefined;
  });
  const { accountId } = await h.t.app.accounts.resolveIdentity({ identity: `discord:${shirin.id}` });
  await h.t.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  await h.t.app.datanets.create({ ownerAccountId: accountId, name: 'شعر فارسی', quorumVotes: 1 });
});
afterAll(async () => h?.close());

const answer = async (ix: ReturnType<DiscordHarness['fake']['command']>) => textOf(await h.fake.reply(ix));

describe('Discord in Persian', () => {
  it('registers /language with a choice in each language and no locale Discord would refuse', () => {
    const commands = h.fake.state.commands.guild.get(h.fake.guildId) ?? [];
    const language = commands.find((c) => c.name === 'language') as unknown as {
      options: { choices: { name: string; value: string }[] }[];
    };
    expect(language.options[0].choices.map((c) => c.value)).toEqual(['fa', 'en', 'auto']);
    expect(language.options[0].choices[0].name).toBe('فارسی (Persian)');
    expect(JSON.stringify(commands)).not.toMatch(/"fa"\s*:/);
  });

  it('answers in English to a client language it does not speak', async () => {
    expect(await answer(h.fake.command(shirin, 'rewards'))).toContain('💰 Your rewards');
  });

  it('switches to Persian with /language fa: rewards, digits and refusals', async () => {
    const set = await answer(h.fake.command(shirin, 'language', { language: 'fa' }));
    expect(set).toBe('از این پس به \u2068فارسی\u2069 پاسخ می‌دهم.');

    const rewards = await answer(h.fake.command(shirin, 'rewards'));
    expect(rewards).toContain('💰 پاداش‌های شما');
    expect(rewards).toContain('موجودی آزاد');
    // The faucet's 100 POT, in Persian digits.
    expect(rewards).toContain('۱۰۰ POT');
    expect(rewards).not.toMatch(/Available|Claimed/);

    const refusal = await answer(h.fake.command(shirin, 'datanet info', { datanet: 'Nope' }));
    expect(refusal).toContain('**پیدا نشد**');
    expect(refusal).toContain('‎/datanet list‎ دیتانت‌ها را نشان می‌دهد.');

    const link = await answer(h.fake.command(shirin, 'link'));
    expect(link).toMatch(/^🔗 کد پیوند یک‌بارمصرف شما: \u2068`[^`]+`\u2069\n/);
    expect(link).toContain('-# آن را به کسی ندهید');

    const poem = samplePoem('fa', 7, 200);
    const contributed = await answer(
      h.fake.command(shirin, 'contribute', { datanet: 'شعر فارسی', text: poem }),
    );
    expect(contributed).toMatch(
      /^✅ مشارکت #\u2068\d+\u2069 در \u2068\*\*شعر فارسی\*\*\u2069 در انتظار بررسی است\./,
    );
    expect(contributed).toContain('ودیعهٔ قفل‌شده: \u2068۱ POT\u2069');

    // Another user is not affected by Shirin's choice.
    expect(await answer(h.fake.command(george, 'rewards'))).toContain('💰 Your rewards');
  });

  it('goes back to the client language with /language auto', async () => {
    expect(await answer(h.fake.command(shirin, 'language', { language: 'auto' }))).toBe(
      "I follow your app's language again (now English).",
    );
    expect(await answer(h.fake.command(shirin, 'rewards'))).toContain('💰 Your rewards');
  });

  it('is refused by Discord when a command carries a Persian localisation', async () => {
    const res = await fetch(
      `${h.fake.apiUrl}/v10/applications/${h.fake.applicationId}/guilds/${h.fake.guildId}/commands`,
      {
        method: 'PUT',
        headers: { authorization: `Bot ${h.fake.token}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ name: 'x', description: 'x', description_localizations: { fa: 'ایکس' } }]),
      },
    );
    expect(res.status).toBe(400);
  });
});
