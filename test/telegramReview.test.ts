import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUpdate, type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import type { RecordedCall } from './fakeTelegram/startFakeTelegram.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

const people: FakeUser[] = [
  { id: 7101, first_name: 'Ana' },
  { id: 7102, first_name: 'Bo' },
  { id: 7103, first_name: 'Cy' },
];
const stranger: FakeUser = { id: 7104, first_name: 'Di' };
let h: TelegramHarness;
let datanetId: string;
let ids: string[];

const textOf = (c: RecordedCall) => String(c.payload.text ?? '');
const buttons = (c: RecordedCall) =>
  (
    (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();
/** The last message the bot sent each user: buttons are pressed on it. */
const lastMessage = new Map<number, number>();
async function say(user: FakeUser, text: string) {
  const reply = await h.send(messageUpdate(user, text));
  lastMessage.set(user.id, (reply.result as { message_id: number }).message_id);
  return reply;
}
const press = (user: FakeUser, data: string) =>
  h.send(callbackUpdate(user, data, { chatId: user.id, messageId: lastMessage.get(user.id) ?? 1 }));

beforeAll(async () => {
  h = await startTelegramHarness({ env: { LOG_LEVEL: 'error' } });
  const owner = await fundedPerson(h.app, 'owner');
  const poet = await fundedPerson(h.app, 'poet');
  const d = await h.app.datanets.create({
    ownerAccountId: owner,
    name: 'Review Verse',
    deposit: TOKEN.toString(),
    minStake: (10n * TOKEN).toString(),
    quorumVotes: 3,
    approvalBps: 6000,
    validationReward: (3n * TOKEN).toString(),
    dailyItems: 100,
  });
  datanetId = d.id;
  await h.app.datanets.fundPool({
    accountId: owner,
    datanetId,
    amount: (9n * TOKEN).toString(),
    idempotencyKey: 'f',
  });
  for (const p of [...people, stranger]) {
    const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${p.id}` });
    await h.app.ledger.requestFaucet({ accountId, idempotencyKey: `f${p.id}` });
    if (p !== stranger)
      await h.app.validation.stake({
        accountId,
        datanetId,
        amount: (20n * TOKEN).toString(),
        idempotencyKey: 's',
      });
  }
  const sent = await h.app.contributions.submit({
    accountId: poet,
    datanetId,
    idempotencyKey: 'p',
    items: [
      { text: 'The orchard keeps a ledger of the rain in every ripened pear.' },
      { text: 'A lighthouse hums to ships it will never meet, and still it hums.' },
    ],
  });
  ids = sent.accepted.map((a) => a.contributionId);
});
afterAll(async () => h?.close());

describe('Telegram review', () => {
  let firstCard = '';

  it('shows a review card with the automatic checks and Approve / Reject / Skip, and no tally', async () => {
    const card = await say(people[0], '/review');
    firstCard = textOf(card);

    expect(firstCard).toContain(`Contribution #${ids[0]}`);
    expect(firstCard).toContain('The orchard keeps a ledger of the rain');
    expect(firstCard).toMatch(/Automatic checks<\/b>: score \d+\/100 · language .?en/u);
    expect(firstCard).toContain('Votes stay sealed until the outcome');
    expect(buttons(card).map((b) => b.text)).toEqual(['✅ Approve', '❌ Reject', '⏭ Skip']);
    const skipped = await press(people[0], buttons(card)[2].callback_data);
    expect(textOf(skipped)).toContain(`Contribution #${ids[1]}`);
  });

  it('votes with the buttons, a rejection with a reason, and shows the others nothing of it', async () => {
    const approved = await press(people[0], `rv:a:${ids[0]}:${datanetId}`);
    expect(textOf(approved)).toContain(`You approved #${ids[0]}`);
    expect(textOf(approved)).toContain('Your vote is sealed until the outcome');
    await say(people[1], '/review');
    const reasons = await press(people[1], `rv:r:${ids[0]}:${datanetId}`);
    expect(JSON.stringify(reasons.payload)).toContain('Off-topic for this datanet');
    const rejected = await press(people[1], `rv:x:${ids[0]}:${datanetId}:0`);
    expect(textOf(rejected)).toContain(`You rejected #${ids[0]}`);
    const [vote] = await h.app.database.sql`
      select approve, reason from votes where contribution_id = ${ids[0]} and reason is not null`;
    expect(vote).toEqual({ approve: false, reason: 'Off-topic for this datanet' });
    // Two votes in: the third validator's card is exactly the one the first saw before voting.
    const third = await say(people[2], '/review');
    expect(textOf(third)).toBe(firstCard);
  });

  it('refuses a non-validator on the button, and decides on the third vote', async () => {
    expect(textOf(await say(stranger, '/review'))).toContain("You don't validate any datanet yet");
    const refused = await press(stranger, `rv:a:${ids[0]}:${datanetId}`);

    expect(JSON.stringify(refused.payload)).toContain('Only validators can vote here');
    const decided = await press(people[2], `rv:a:${ids[0]}:${datanetId}`);
    expect(textOf(decided)).toContain('It is now <b>approved</b>');
    expect((await h.app.contributions.get({ contributionId: ids[0] })).status).toBe('approved');
  });
});

describe('Telegram review in Persian', () => {
  const shirin: FakeUser = { id: 7105, first_name: 'Shirin', language_code: 'fa' };
  const bare = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

  it('speaks Persian to a Persian validator: the card, its buttons, the reasons and the confirmation', async () => {
    expect(textOf(await say(shirin, '/review'))).toContain('هنوز اعتبارسنج هیچ دیتانتی نیستید');
    const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${shirin.id}` });
    await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'f-shirin' });
    await h.app.validation.stake({
      accountId,
      datanetId,
      amount: (20n * TOKEN).toString(),
      idempotencyKey: 's',
    });
    const card = await say(shirin, '/review');
    expect(bare(textOf(card))).toContain(`مشارکت #${ids[1]}`);
    expect(textOf(card)).toContain('<b>بررسی‌های خودکار</b>');
    expect(textOf(card)).toContain('رأی‌ها تا اعلام نتیجه پنهان می‌مانند');
    expect(textOf(card)).not.toContain('Automatic checks');
    expect(buttons(card).map((b) => b.text)).toEqual(['✅ تأیید', '❌ رد', '⏭ بعدی']);
    const reasons = await press(shirin, `rv:r:${ids[1]}:${datanetId}`);
    expect(bare(textOf(reasons))).toContain(`رد مشارکت #${ids[1]}: چرا؟`);
    expect(buttons(reasons)[0].text).toBe('نامرتبط با این دیتانت');
    const rejected = await press(shirin, `rv:x:${ids[1]}:${datanetId}:1`);
    expect(bare(textOf(rejected))).toContain(`مشارکت #${ids[1]} را با`);
    expect(textOf(rejected)).toContain('رأی شما تا اعلام نتیجه پنهان می‌ماند');
    // The reason is stored in one wording, whatever the validator's language.
    const stored = await h.app.database.sql`
      select reason from votes where contribution_id = ${ids[1]} and reason is not null`;
    expect(stored).toEqual([{ reason: 'Low quality' }]);
  });
});
