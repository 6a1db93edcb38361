import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../bots/telegram/render/formatAmount.ts';
import { callbackUpdate, type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { drainOutbox } from './support/chainHelpers.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

// A Persian model name with a space: it must parse out of "/ask <model> <prompt>" and render RTL-safe.
const MODEL = 'شاعر کوچک';
const FEE = 10n * TOKEN + 7n;
const SPLIT = { developerBps: 2000, dataBps: 5000, validatorsBps: 2000, protocolBps: 1000 };
const caller: FakeUser = { id: 9001, first_name: 'Caller' };
const poet: FakeUser = { id: 9002, first_name: 'Poet' };
const dev: FakeUser = { id: 9003, first_name: 'Dev' };
const FSI = '\u2068';
const PDI = '\u2069';

let h: TelegramHarness;
let seeded: SeededDatanet;
let developer: string;
const textOf = (c: { payload: Record<string, unknown> }) => String(c.payload.text);
const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const buttons = (c: { payload: Record<string, unknown> }) =>
  (
    (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();

/** Joins a Telegram user to an existing account the way people do it: a code and /link. */
async function linkTelegram(user: FakeUser, accountId: string) {
  const { code } = await h.app.accounts.createLinkCode({ accountId });
  expect(textOf(await h.send(messageUpdate(user, `/link ${code}`)))).toContain('Linked.');
}

beforeAll(async () => {
  h = await startTelegramHarness({ chain: true, env: { CHAIN_EXPLORER_URL: 'https://explorer.example/' } });
  const texts = fixtureContributions.map((c) => c.text);
  seeded = await seedApprovedDatanet(h.app, {
    name: 'Bilingual Verse',
    texts,
    authors: texts.map((_, i) => i % 3),
    authorCount: 3,
  });
  developer = await fundedPerson(h.app, 'developer');
  const started = await h.app.training.start({
    accountId: developer,
    datanetId: seeded.datanetId,
    idempotencyKey: 'train',
  });
  for await (const run of h.app.training.watch({ runId: started.run.id, intervalMs: 20 })) {
    if (run.status === 'failed') throw new Error(`training failed: ${run.error}`);
  }
  await h.app.models.publish({
    accountId: developer,
    runId: started.run.id,
    name: MODEL,
    pricePerCall: FEE.toString(),
    split: SPLIT,
    idempotencyKey: 'publish',
  });
  const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${caller.id}` });
  await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  await linkTelegram(poet, seeded.contributors[0]);
  await linkTelegram(dev, developer);
});
afterAll(async () => h?.close());

describe('asking a model from Telegram, and following the money', () => {
  it('lists models and answers /ask with the answer and a compact receipt', async () => {
    const models = await h.send(messageUpdate(caller, '/models'));
    expect(textOf(models)).toContain(`<b>${FSI}${MODEL}${PDI}</b>`);
    expect(textOf(models)).toContain(`${formatAmount(FEE).text} per call`);

    const reply = await h.send(messageUpdate(caller, `/ask ${MODEL} باران به روی بام‌های شهر`));
    const [call] = await h.app.database
      .sql`select id, answer, receipt from inference_calls where status = 'settled'`;
    const receipt = call.receipt as { fee: string; parts: Record<string, string>; receiptId: string };
    expect(textOf(reply)).toContain(`🧾 Receipt #${call.id} · fee ${formatAmount(FEE).text}`);
    expect(textOf(reply)).toContain(
      `Paid: developer ${formatAmount(BigInt(receipt.parts.developer)).text} · data ${formatAmount(BigInt(receipt.parts.data)).text}`,
    );
    // The answer is shown as a block, escaped, each line aligned by its own script.
    expect(textOf(reply)).toContain(
      `<blockquote>${call.answer.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</blockquote>`,
    );
    expect(buttons(reply).map((b) => b.callback_data)).toEqual([`rc:${call.id}`]);

    const full = await h.send(callbackUpdate(caller, `rc:${call.id}`, { chatId: caller.id, messageId: 1 }));
    expect(textOf(full)).toContain(`<b>Receipt #${call.id}</b>`);
    expect(textOf(full)).toContain('<b>Payouts</b>');
    // The public receipt page (PUBLIC_URL, by default SIWE_URI) is linked under it.
    expect(textOf(full)).toContain(`<a href="http://localhost/receipts/${call.id}">Public receipt page</a>`);
  });

  it('shows each linked person the right part of the split in /rewards', async () => {
    const [call] = await h.app.database.sql`select receipt from inference_calls where status = 'settled'`;
    const payouts = (
      call.receipt as { payouts: { accountId: string | null; role: string; amount: string }[] }
    ).payouts;
    const part = (accountId: string, role: string) =>
      payouts
        .filter((p) => p.accountId === accountId && p.role === role)
        .reduce((a, p) => a + BigInt(p.amount), 0n);
    expect(part(developer, 'developer')).toBe((FEE * 2000n) / 10_000n);

    const devRewards = textOf(await h.send(messageUpdate(dev, '/rewards')));
    expect(devRewards).toContain(`as developer: ${formatAmount(part(developer, 'developer')).text}`);
    expect(devRewards).toContain(
      `model ${FSI}${MODEL}${PDI} on ${FSI}Bilingual Verse${PDI}: ${formatAmount(part(developer, 'developer')).text}`,
    );

    const poetEarned = part(seeded.contributors[0], 'contributor');
    const poetRewards = textOf(await h.send(messageUpdate(poet, '/rewards')));
    if (poetEarned > 0n) expect(poetRewards).toContain(`as contributor: ${formatAmount(poetEarned).text}`);
    else expect(poetRewards).not.toContain('as contributor:');
    // The caller paid and earned nothing; they see their own balance only.
    const callerRewards = textOf(await h.send(messageUpdate(caller, '/rewards')));
    expect(callerRewards).toContain('Earned in total: 0 POT');
    expect(callerRewards).toContain(`Available: <b>${formatAmount(100n * TOKEN - FEE).text}</b>`);
  });

  it('links a wallet by signing the SIWE message, then claims to it with a tx link', async () => {
    const wallet = privateKeyToAccount(generatePrivateKey());
    const asked = await h.send(messageUpdate(dev, `/wallet ${wallet.address}`));
    const message = unescapeHtml(/<pre>([\s\S]*?)<\/pre>/.exec(textOf(asked))![1]);
    expect(message).toContain(wallet.address);
    const signature = await wallet.signMessage({ message });
    const linked = await h.send(messageUpdate(dev, `/wallet ${signature}`));
    expect(textOf(linked)).toContain(`Wallet linked:</b> <code>${wallet.address.toLowerCase()}</code>`);

    await h.app.rewards.settleEpoch();
    await drainOutbox(h.app);
    const before = await h.app.rewards.getRewards({ accountId: developer, historyLimit: 0 });
    expect(before.claimable).toBe((FEE * 2000n) / 10_000n);
    const rewards = await h.send(messageUpdate(dev, '/rewards'));
    expect(textOf(rewards)).toContain(`Claimable now: <b>${formatAmount(before.claimable).text}</b>`);
    const claimButton = buttons(rewards).find((b) => b.callback_data === 'claim:go')!;
    expect(claimButton.text).toBe(`💸 Claim ${formatAmount(before.claimable).text}`);

    const messageId = (rewards.result as { message_id: number }).message_id;
    const claimed = await h.send(callbackUpdate(dev, 'claim:go', { chatId: dev.id, messageId }));
    expect(textOf(claimed)).toContain(`Claimed ${formatAmount(before.claimable).text}</b>`);
    expect(textOf(claimed)).toMatch(
      /<a href="https:\/\/explorer\.example\/tx\/0x[0-9a-f]{64}">0x[0-9a-f]{8}…[0-9a-f]{8}<\/a>/,
    );
    expect((await h.app.rewards.getRewards({ accountId: developer, historyLimit: 0 })).claimed).toBe(
      before.claimable,
    );

    const again = await h.send(messageUpdate(dev, '/claim'));
    expect(textOf(again)).toContain('Nothing to claim yet');
  });

  it('refuses a claim without a wallet, saying what to do', async () => {
    const reply = await h.send(messageUpdate(caller, '/claim'));
    expect(textOf(reply)).toContain('Link a wallet first');
  });
});
