import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { failTrainingRun } from '../src/training/failTrainingRun.ts';
import { startTrainingRun } from '../src/training/startTrainingRun.ts';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import type { FakeUser as DiscordUser } from './fakeDiscord/payloads.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { createValidationWorld, DATANET_NAME, type ValidationWorld } from './fakeTelegram/validationWorld.ts';
import { earn, linkWallet } from './support/chainHelpers.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { samplePoem } from './support/samplePoems.ts';

let seed = 5000;
/** Submits a poem by `contributor` and has every validator vote the same way on it. */
async function decide(
  app: App,
  datanetId: string,
  validators: string[],
  contributor: string,
  approve: boolean,
) {
  seed += 1;
  const res = await app.contributions.submit({
    accountId: contributor,
    datanetId,
    idempotencyKey: `activity-${seed}`,
    items: [{ text: samplePoem('fa', seed, 200) }],
  });
  const [accepted] = res.accepted;
  if (!accepted) throw new Error(`poem refused: ${JSON.stringify(res.refused)}`);
  for (const v of validators)
    await app.validation.vote({ accountId: v, contributionId: accepted.contributionId, approve });
  return accepted.contributionId;
}

describe('activity notifications on Telegram', () => {
  const poet: FakeUser = { id: 8101, first_name: 'Poet' };
  const quiet: FakeUser = { id: 8102, first_name: 'Quiet' };
  const leaver: FakeUser = { id: 8103, first_name: 'Leaver' };
  let now = new Date('2026-11-05T12:00:00Z');
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };
  let h: TelegramHarness;
  let world: ValidationWorld;
  const account: Record<number, string> = {};
  const tick = () => h.runtime.notifier!.tick();
  const newsTo = (u: FakeUser) =>
    h.fake
      .callsOf('sendMessage')
      .filter((c) => Number(c.payload.chat_id) === u.id && String(c.payload.text).startsWith('<b>🔔 News'))
      .map((c) => String(c.payload.text));
  const decideFor = (u: FakeUser, approve: boolean) =>
    decide(h.app, world.datanetId, world.validators, account[u.id], approve);

  beforeAll(async () => {
    h = await startTelegramHarness({
      now: () => now,
      env: { NOTIFY_MAX_MESSAGES: '2', NOTIFY_WINDOW_SECONDS: '3600' },
    });
    for (const u of [poet, quiet, leaver]) {
      const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${u.id}` });
      await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
      account[u.id] = accountId;
    }
    world = await createValidationWorld(h.app, [
      await fundedPerson(h.app, 'v1'),
      await fundedPerson(h.app, 'v2'),
    ]);
  });
  afterAll(async () => h?.close());

  it('is off until asked for, and tells nothing from before it was turned on', async () => {
    const status = await h.send(messageUpdate(poet, '/notifications'));
    expect(String(status.payload.text)).toContain('Activity notifications are off');
    await decideFor(poet, true);
    advance(60);
    const on = await h.send(messageUpdate(poet, '/notifications on'));
    expect(String(on.payload.text)).toContain('at most 2 messages every hour');
    expect(await tick()).toBe(0);
    expect(newsTo(poet)).toEqual([]);
  });

  it("batches a pass's decisions into one message to the contributor, and never sends it twice", async () => {
    const approved = await decideFor(poet, true);
    const rejected = await decideFor(poet, false);
    expect(await tick()).toBe(1);
    const [message] = newsTo(poet);
    expect(message).toContain(`Contribution #${approved} to ${DATANET_NAME} was approved.`);
    expect(message).toContain(`Contribution #${rejected} to ${DATANET_NAME} was rejected.`);
    expect(message).toContain('/notifications off');
    advance(30);
    expect(await tick()).toBe(0);
    // Past the cursor's overlap the decisions can no longer be listed; still nothing repeated.
    advance(1200);
    expect(await tick()).toBe(0);
    expect(newsTo(poet)).toHaveLength(1);
  });

  it('sends nothing to people who never opted in or turned it off', async () => {
    await h.send(messageUpdate(leaver, '/notifications on'));
    await h.send(messageUpdate(leaver, '/notifications off'));
    await decideFor(quiet, true);
    await decideFor(leaver, false);
    expect(await tick()).toBe(0);
    expect(newsTo(quiet)).toEqual([]);
    expect(newsTo(leaver)).toEqual([]);
    const status = await h.send(messageUpdate(leaver, '/notifications'));
    expect(String(status.payload.text)).toContain('Activity notifications are off');
  });

  it('holds the rate limit: what is over it waits for the next window, then comes batched', async () => {
    const second = await decideFor(poet, true);
    advance(10);
    expect(await tick()).toBe(1); // the window's second message (the first was sent above)
    expect(newsTo(poet)[1]).toContain(`#${second} `);
    const late1 = await decideFor(poet, true);
    advance(10);
    const late2 = await decideFor(poet, false);
    advance(600);
    expect(await tick()).toBe(0);
    advance(1500);
    expect(await tick()).toBe(0);
    expect(newsTo(poet)).toHaveLength(2);
    // An hour after the window opened: both waiting decisions in one message.
    advance(3600);
    expect(await tick()).toBe(1);
    const third = newsTo(poet)[2];
    expect(third).toContain(`Contribution #${late1} to ${DATANET_NAME} was approved.`);
    expect(third).toContain(`Contribution #${late2} to ${DATANET_NAME} was rejected.`);
    expect(third).not.toContain(`#${second} `);
    expect(await tick()).toBe(0);
  });

  it('tells a developer their training run failed', async () => {
    // The run is never built here (a queue that only records), then its job gives up.
    const held = { ...h.app.deps, jobs: { kind: 'in-process' as const, enqueue: async () => {} } };
    const { run } = await startTrainingRun(held, {
      accountId: account[poet.id],
      datanetId: world.datanetId,
      idempotencyKey: 'doomed',
    });
    expect(await failTrainingRun(held, { runId: run.id, reason: 'disk full' })).toEqual({ failed: true });
    advance(3600);
    expect(await tick()).toBe(1);
    expect(newsTo(poet)[3]).toContain(`Training run #${run.id} on ${DATANET_NAME} failed.`);
    expect(await tick()).toBe(0);
  });
});

describe('activity notifications as Discord DMs', () => {
  let h: DiscordHarness;
  let poet: DiscordUser;
  let lurker: DiscordUser;
  let shy: DiscordUser;
  let validator: string;
  let datanetId: string;
  const account: Record<string, string> = {};
  const decideFor = (u: DiscordUser, approve: boolean) =>
    decide(h.t.app, datanetId, [validator], account[u.id], approve);

  beforeAll(async () => {
    h = await startDiscordHarness({ NOTIFY_POLL_MS: '0' }, (fake) => {
      poet = fake.addUser('poet');
      lurker = fake.addUser('lurker');
      shy = fake.addUser('shy', { dmsClosed: true });
      return undefined;
    });
    const app = h.t.app;
    for (const u of [poet, lurker, shy]) {
      const { accountId } = await app.accounts.resolveIdentity({ identity: `discord:${u.id}` });
      await app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
      account[u.id] = accountId;
    }
    const owner = await fundedPerson(app, 'owner');
    datanetId = (await app.datanets.create({ ownerAccountId: owner, name: 'Ghazals', quorumVotes: 1 })).id;
    validator = await fundedPerson(app, 'validator');
    await app.validation.stake({
      accountId: validator,
      datanetId,
      amount: 10n * TOKEN,
      idempotencyKey: 'stake',
    });
  });
  afterAll(async () => h?.close());

  it('DMs the contributor one batched message per pass, once; others get nothing', async () => {
    const reply = await h.fake.reply(h.fake.command(poet, 'notifications', { state: 'on' }));
    expect(reply.flags & 64).toBe(64);
    expect(textOf(reply)).toContain('Activity notifications on');
    await h.fake.reply(h.fake.command(shy, 'notifications', { state: 'on' }));
    const first = await decideFor(poet, true);
    const second = await decideFor(poet, false);
    await decideFor(lurker, true);
    await decideFor(shy, true);

    expect(await h.bot.notifier!.tick()).toBe(1);
    const dms = h.fake.dms(poet);
    expect(dms).toHaveLength(1);
    expect(textOf(dms[0])).toContain(`Contribution #${first} to Ghazals was approved.`);
    expect(textOf(dms[0])).toContain(`Contribution #${second} to Ghazals was rejected.`);
    expect(h.fake.dms(lurker)).toEqual([]);
    // DMs closed: nothing delivered, and the subscription is off rather than retried forever.
    expect(h.fake.dms(shy)).toEqual([]);
    const status = await h.fake.reply(h.fake.command(shy, 'notifications'));
    expect(textOf(status)).toContain('Activity notifications are off');

    expect(await h.bot.notifier!.tick()).toBe(0);
    expect(h.fake.dms(poet)).toHaveLength(1);
  });

  it('DMs tokens to claim once an epoch commits them to the linked wallet', async () => {
    const app = h.t.app;
    await linkWallet(app, account[poet.id], privateKeyToAccount(generatePrivateKey()));
    await earn(app, account[poet.id], 7n * TOKEN);
    const { epoch } = await app.rewards.settleEpoch();
    expect(epoch).not.toBeNull();
    expect(await h.bot.notifier!.tick()).toBe(1);
    const [, claim] = h.fake.dms(poet);
    expect(textOf(claim)).toContain(`to claim on chain (epoch ${epoch})`);
    expect(textOf(claim)).toContain('7 POT');
    expect(await h.bot.notifier!.tick()).toBe(0);
  });
});
