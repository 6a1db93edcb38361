import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../bots/telegram/render/formatAmount.ts';
import { splitLargestRemainder } from '../src/ledger/splitLargestRemainder.ts';
import { type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import {
  createValidationWorld,
  REWARD_PER_DECISION,
  type ValidationWorld,
} from './fakeTelegram/validationWorld.ts';
import { fundedPerson } from './support/fixtures.ts';

const nima: FakeUser = { id: 8001, first_name: 'Nima' };
const quiet: FakeUser = { id: 8002, first_name: 'Quiet' };
// The clock the app and the notifier read; the test moves it, nothing waits for real time.
let now = new Date('2026-11-05T12:00:00Z');
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

let h: TelegramHarness;
let world: ValidationWorld;
let perDecision: bigint;
let poet: string;

const notificationsTo = (chatId: number) =>
  h.fake
    .callsOf('sendMessage')
    .filter(
      (c) => Number(c.payload.chat_id) === chatId && String(c.payload.text).startsWith('🔔 You earned'),
    );

beforeAll(async () => {
  h = await startTelegramHarness({
    mode: 'polling',
    now: () => now,
    env: { TELEGRAM_NOTIFY_INTERVAL_SECONDS: '600' },
  });
  const { accountId: nimaAccount } = await h.app.accounts.resolveIdentity({
    identity: `telegram:${nima.id}`,
  });
  await h.app.ledger.requestFaucet({ accountId: nimaAccount, idempotencyKey: 'seed' });
  world = await createValidationWorld(h.app, [nimaAccount, await fundedPerson(h.app, 'v2')]);
  perDecision = splitLargestRemainder(REWARD_PER_DECISION, world.stakes)[0];
  poet = await fundedPerson(h.app, 'poet');
  // Earned before /notify on: never announced.
  await world.payOut(poet);
});
afterAll(async () => h?.close());

describe('earnings notifications', () => {
  it('sends at most one message per interval, with the sum of what was earned', async () => {
    const on = await h.send(messageUpdate(nima, '/notify on'));
    expect(String(on.payload.text)).toContain('one message every 10 minutes at most');
    const tick = () => h.runtime.notifier!.tick();

    expect(await tick()).toBe(0);
    await world.payOut(poet);
    await world.payOut(poet);
    expect(await tick()).toBe(1);
    const [first] = notificationsTo(nima.id);
    expect(String(first.payload.text)).toContain(
      `You earned <b>${formatAmount(2n * perDecision).text}</b> (2 payouts)`,
    );
    expect(String(first.payload.text)).toContain(`as validator ${formatAmount(2n * perDecision).text}`);

    // Three more payouts within the interval: nothing yet, however often the notifier looks.
    for (let i = 0; i < 3; i++) await world.payOut(poet);
    advance(300);
    expect(await tick()).toBe(0);
    advance(299);
    expect(await tick()).toBe(0);
    expect(notificationsTo(nima.id)).toHaveLength(1);

    // Once the interval has passed: one message with the sum of all three.
    advance(1);
    expect(await tick()).toBe(1);
    expect(await tick()).toBe(0);
    const [, second] = notificationsTo(nima.id);
    expect(String(second.payload.text)).toContain(
      `You earned <b>${formatAmount(3n * perDecision).text}</b> (3 payouts)`,
    );

    // Nothing earned: nothing sent, however long it has been.
    advance(3600);
    expect(await tick()).toBe(0);
  });

  it('stops with /notify off and never tells anyone about someone else', async () => {
    await h.send(messageUpdate(quiet, '/notify on'));
    await h.send(messageUpdate(nima, '/notify off'));
    await world.payOut(poet);
    advance(3600);
    expect(await h.runtime.notifier!.tick()).toBe(0);
    expect(notificationsTo(nima.id)).toHaveLength(2);
    expect(notificationsTo(quiet.id)).toHaveLength(0);
    const status = await h.send(messageUpdate(nima, '/notify'));
    expect(String(status.payload.text)).toContain('Notifications are <b>off</b>');
  });
});
