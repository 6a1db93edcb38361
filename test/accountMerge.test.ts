import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveFee } from '../src/inference/reserveFee.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { trainAndPublish } from './support/trainAndPublish.ts';

// A link code joins a second identity's account into the code's account. The merged-away account
// must not keep anything that earns (a model's developer cut, a contributor's share) and must
// never be credited again: otherwise money lands where nobody can reach it.
let t: TestApp;
let seeded: SeededDatanet;
const SPLIT = { developerBps: 2500, dataBps: 2500, validatorsBps: 2500, protocolBps: 2500 };
const texts = [
  'The quiet river carries silver light beneath the sleeping hills,',
  'and every stone remembers rain that fell a hundred years ago.',
  'We gather bread and salt and songs, and no one leaves the table hungry.',
];

let tg = 0;
/** A person who arrived through Telegram, with faucet funds. */
async function telegramPerson(): Promise<{ identity: string; accountId: string }> {
  const identity = `telegram:${Date.now() % 100_000}${++tg}`;
  const { accountId } = await t.app.accounts.resolveIdentity({ identity });
  await t.app.ledger.requestFaucet({ accountId, idempotencyKey: `seed-${identity}` });
  return { identity, accountId };
}
const balanceOf = async (accountId: string) => (await t.app.ledger.getBalance({ accountId })).available;
const mergedInto = async (accountId: string) =>
  (await t.app.database.sql`select merged_into from accounts where id = ${accountId}`)[0].merged_into;

const publishedModel = (developer: string, key: string) =>
  trainAndPublish(t.app, {
    developer,
    datanetId: seeded.datanetId,
    name: `Verse ${key}`,
    pricePerCall: TOKEN,
    split: SPLIT,
    key,
  });

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Merge Verse',
    texts,
    authors: [0, 0, 0],
    authorCount: 1,
  });
});
afterAll(async () => t?.cleanup());

describe('link-code merges', () => {
  it('pays the surviving account, never a merged-away one, for contributions', async () => {
    // What a merge racing a contribution would leave: a contributor marked merged into another.
    const survivor = await fundedPerson(t.app, 'survivor');
    const contributor = seeded.contributors[0];
    await t.app.database.sql`update accounts set merged_into = ${survivor} where id = ${contributor}`;
    const modelId = await publishedModel(await fundedPerson(t.app, 'dev'), 'payee');
    const [before, beforeSurvivor] = [await balanceOf(contributor), await balanceOf(survivor)];
    const caller = await fundedPerson(t.app, 'caller');
    const { receipt } = await t.app.inference.invoke({
      accountId: caller,
      modelId,
      prompt: 'The quiet river',
      maxTokens: 6,
      idempotencyKey: 'payee-1',
    });
    const data = receipt.payouts.filter((p) => p.role === 'contributor');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((p) => p.accountId === survivor)).toBe(true);
    expect(await balanceOf(contributor)).toBe(before);
    expect(await balanceOf(survivor)).toBeGreaterThan(beforeSurvivor);
    await t.app.database.sql`update accounts set merged_into = null where id = ${contributor}`;
  });

  it('refuses to merge away a developer with a model, saying why; the model keeps paying them', async () => {
    const discord = await fundedPerson(t.app, 'discord self');
    const dev = await telegramPerson();
    const modelId = await publishedModel(dev.accountId, 'dev');
    const { code } = await t.app.accounts.createLinkCode({ accountId: discord });
    const error = await t.app.accounts.redeemLinkCode({ identity: dev.identity, code }).catch((e) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { owns: ['models', 'training runs'] } });
    expect(error.message).toMatch(/already has models, training runs, so it cannot be merged/);
    expect(await mergedInto(dev.accountId)).toBeNull();
    expect((await t.app.accounts.resolveIdentity({ identity: dev.identity })).accountId).toBe(dev.accountId);

    const before = await balanceOf(dev.accountId);
    const caller = await fundedPerson(t.app, 'caller');
    await t.app.inference.invoke({
      accountId: caller,
      modelId,
      prompt: 'The',
      maxTokens: 4,
      idempotencyKey: 'd1',
    });
    expect(await balanceOf(dev.accountId)).toBe(before + TOKEN / 4n);
    await assertLedgerInvariants(t.app);
  });

  it('refuses to merge away an account with an open reservation', async () => {
    const modelId = (await t.app.models.list({}))[0].id;
    const discord = await fundedPerson(t.app, 'discord self');
    const caller = await telegramPerson();
    await reserveFee(t.app.deps, {
      callerAccountId: caller.accountId,
      idempotencyKey: 'open',
      requestHash: 'h',
      modelId,
      fee: TOKEN,
      seed: 1,
      prompt: 'x',
    });
    const { code } = await t.app.accounts.createLinkCode({ accountId: discord });
    await expect(t.app.accounts.redeemLinkCode({ identity: caller.identity, code })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { owns: ['model calls (or open reservations)'] },
    });
    expect(await mergedInto(caller.accountId)).toBeNull();
  });

  it('merges a fresh account, moving its balance, and refuses transfers to it afterwards', async () => {
    const discord = await fundedPerson(t.app, 'discord self');
    const fresh = await telegramPerson();
    const { code } = await t.app.accounts.createLinkCode({ accountId: discord });
    const survivorBefore = await balanceOf(discord);
    const moved = await balanceOf(fresh.accountId);
    expect(await t.app.accounts.redeemLinkCode({ identity: fresh.identity, code })).toEqual({
      accountId: discord,
      alreadyLinked: false,
    });
    expect(await mergedInto(fresh.accountId)).toBe(discord);
    expect(await balanceOf(discord)).toBe(survivorBefore + moved);

    const sender = await fundedPerson(t.app, 'sender');
    const senderBefore = await balanceOf(sender);
    await expect(
      t.app.ledger.transfer({
        fromAccountId: sender,
        toAccountId: fresh.accountId,
        amount: '5',
        idempotencyKey: 'to-merged',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('merged into another'),
    });
    expect(await balanceOf(sender)).toBe(senderBefore);
    expect(await balanceOf(fresh.accountId)).toBe(0n);
    await assertLedgerInvariants(t.app);
  });
});
