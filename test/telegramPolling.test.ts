import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../bots/telegram/render/formatAmount.ts';
import { splitLargestRemainder } from '../src/ledger/splitLargestRemainder.ts';
import { callbackUpdate, documentUpdate, type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import {
  createValidationWorld,
  DATANET_NAME,
  REWARD_PER_DECISION,
  type ValidationWorld,
} from './fakeTelegram/validationWorld.ts';
import { fundedPerson } from './support/fixtures.ts';
import { samplePoem } from './support/samplePoems.ts';

const sara: FakeUser = { id: 5001, first_name: 'Sara' };
const hafez: FakeUser = { id: 5002, first_name: 'Hafez' };
const stranger: FakeUser = { id: 5003, first_name: 'Stranger' };
const FSI = '\u2068';
const PDI = '\u2069';

let h: TelegramHarness;
let world: ValidationWorld;
let saraAccount: string;

const telegramAccount = async (user: FakeUser, fund: boolean) => {
  const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${user.id}` });
  if (fund) await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  return accountId;
};
const textOf = (call: { payload: Record<string, unknown> }) => String(call.payload.text);

beforeAll(async () => {
  h = await startTelegramHarness({ mode: 'polling' });
  saraAccount = await telegramAccount(sara, true);
  const discordValidators = [await fundedPerson(h.app, 'v1'), await fundedPerson(h.app, 'v2')];
  // Sara (Telegram) has the smallest stake: 10 of 10 + 11 + 12.
  world = await createValidationWorld(h.app, [saraAccount, ...discordValidators]);
  await telegramAccount(hafez, true);
});
afterAll(async () => h?.close());

describe('telegram bot over long polling', () => {
  it('greets on /start and sets the command menu', async () => {
    const reply = await h.send(messageUpdate(stranger, '/start'));
    expect(textOf(reply)).toContain('Welcome to Potluck');
    expect(reply.payload.parse_mode).toBe('HTML');
    const [menu] = h.fake.callsOf('setMyCommands');
    const commands = (menu.payload.commands as { command: string }[]).map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(['rewards', 'history', 'notify', 'link', 'contribute']));
    // Nobody has to sign up, but a greeting alone does not create an account either.
    const [row] = await h.app.database
      .sql`select count(*)::int as n from identities where identity = 'telegram:5003'`;
    expect(row.n).toBe(0);
  });

  it('takes a Persian poem as text and as a file, with the RTL name isolated', async () => {
    const poem = samplePoem('fa', 1, 200);
    const reply = await h.send(messageUpdate(hafez, `/contribute ${DATANET_NAME}\n${poem}`));
    expect(textOf(reply)).toContain(`${FSI}${DATANET_NAME}${PDI}`);
    expect(textOf(reply)).toMatch(/Accepted 1: #\d+, now waiting for validators/);
    expect(textOf(reply)).toContain(`Deposit held: ${formatAmount(10n ** 18n).text}`);

    const file = h.fake.addFile(Buffer.from(samplePoem('fa', 2, 200)), 'documents/file_1.txt');
    const fromFile = await h.send(
      documentUpdate(hafez, file, { fileName: 'ghazal.txt', caption: DATANET_NAME }),
    );
    expect(textOf(fromFile)).toMatch(/Accepted 1: #\d+/);
    expect(h.fake.callsOf('getFile')).toHaveLength(1);

    // A file shared in a group without /contribute is people talking to each other: left alone.
    const group = -100300;
    const from = h.fake.state.calls.length;
    await h.fake.push(documentUpdate(hafez, file, { fileName: 'ghazal.txt', chatId: group }));
    const next = await h.send(messageUpdate(hafez, '/help', { chatId: group }));
    expect(textOf(next)).toContain('What I can do');
    expect(h.fake.state.calls.slice(from).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
  });

  it('shows rewards after validation payouts with the right split, and only to their owner', async () => {
    await world.payOut(await telegramAccount(hafez, false));
    await world.payOut(await telegramAccount(hafez, false));
    const perDecision = splitLargestRemainder(REWARD_PER_DECISION, world.stakes)[0];
    const reply = await h.send(messageUpdate(sara, '/rewards'));
    const text = textOf(reply);
    expect(text).toContain(`as validator: ${formatAmount(2n * perDecision).text}`);
    expect(text).toContain(
      `${formatAmount(perDecision, { signed: true }).text} as validator · ${FSI}${DATANET_NAME}${PDI}`,
    );
    const buttons = (
      reply.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }
    ).inline_keyboard
      .flat()
      .map((b) => b.callback_data);
    expect(buttons).toEqual(expect.arrayContaining(['rewards:details', 'rewards:show']));

    // The details button edits the same message, for the presser's own account.
    const messageId = (reply.result as { message_id: number }).message_id;
    const details = await h.send(callbackUpdate(sara, 'rewards:details', { chatId: sara.id, messageId }));
    expect(details.method).toBe('editMessageText');
    expect(textOf(details)).toContain(`Validator stakes`);

    // Someone else: their own (empty) rewards, never Sara's.
    const other = await h.send(messageUpdate(stranger, '/rewards'));
    expect(textOf(other)).toContain('Available: <b>0 POT</b>');
    expect(textOf(other)).toContain('Earned in total: 0 POT');
    expect(textOf(other)).not.toContain(DATANET_NAME);
    // Pressing Sara's button from elsewhere (a forwarded message) is refused, nothing is edited.
    const pressed = await h.send(callbackUpdate(stranger, 'rewards:show', { chatId: sara.id, messageId }));
    expect(pressed.method).toBe('answerCallbackQuery');
    expect(String(pressed.payload.text)).toMatch(/private chat/);
    // And in a group, personal commands are refused with the way out.
    const inGroup = await h.send(messageUpdate(sara, '/rewards', { chatId: -100200 }));
    expect(textOf(inGroup)).toMatch(/only answer it in a private chat: open @potluck_test_bot/);
  });

  it('pages /history with inline buttons that stay put while new payouts arrive', async () => {
    const hafezAccount = await telegramAccount(hafez, false);
    // 2 payouts so far; 5 more make 7: pages of 5 and 2.
    for (let i = 0; i < 5; i++) await world.payOut(hafezAccount);
    const first = await h.send(messageUpdate(sara, '/history'));
    expect(textOf(first)).toContain('page 1 of 2');
    expect(textOf(first).match(/as validator/g)).toHaveLength(5);
    const keyboard = (call: typeof first) =>
      (
        call.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
      ).inline_keyboard.flat();
    const older = keyboard(first).find((b) => b.text.startsWith('Older'))!;
    expect(older.callback_data).toMatch(/^h:\d+:1$/);

    // A payout after the list was opened does not shift the pages.
    await world.payOut(hafezAccount);
    const messageId = (first.result as { message_id: number }).message_id;
    const second = await h.send(callbackUpdate(sara, older.callback_data, { chatId: sara.id, messageId }));
    expect(second.method).toBe('editMessageText');
    expect(textOf(second)).toContain('page 2 of 2');
    expect(textOf(second).match(/as validator/g)).toHaveLength(2);
    expect(keyboard(second).map((b) => b.text)).toContain('⬅️ Newer');
    expect(keyboard(second).some((b) => b.text.startsWith('Older'))).toBe(false);
    await h.fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.payload.show_alert === undefined);

    // "Latest" re-anchors: now 8 payouts.
    const latest = await h.send(callbackUpdate(sara, 'h:0:0', { chatId: sara.id, messageId }));
    expect(textOf(latest)).toContain('page 1 of 2');
    const [row] = await h.app.database.sql`
      select count(*)::int as n from ledger_entries e join ledger_accounts a on a.id = e.ledger_account_id
      where a.owner_account_id = ${saraAccount} and e.role = 'validator'`;
    expect(row.n).toBe(8);
  });
});
