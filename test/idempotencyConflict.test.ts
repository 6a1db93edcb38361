import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingRun } from '../src/training/trainingRunStore.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { drainOutbox, earn, linkWallet } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { footprint } from './support/footprint.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

/**
 * Stripe's rule for every keyed call, through the app: the same key with the same request answers the
 * first result and moves nothing again; the same key with a different request is a CONFLICT and moves
 * nothing at all.
 */
let t: TestApp;
let seeded: SeededDatanet;
let side: string; // a second datanet: no approved data, low minimum stake, no deposit
let run: TrainingRun | undefined;
const SPLIT = { developerBps: 6000, dataBps: 2000, validatorsBps: 1000, protocolBps: 1000 };
const texts = fixtureContributions.map((c) => c.text);

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Idem Verse',
    texts,
    authors: texts.map(() => 0),
    authorCount: 1,
  });
  const owner = await fundedPerson(t.app, 'side-owner');
  side = (
    await t.app.datanets.create({
      ownerAccountId: owner,
      name: 'Idem Side',
      deposit: '0',
      minStake: TOKEN.toString(),
    })
  ).id;
});
afterAll(async () => t?.cleanup());

interface Case {
  name: string;
  /** State the call needs; returns what the two requests act on. */
  prepare: () => Promise<Record<string, string>>;
  /** The first request, sent twice with one key. */
  first: (c: Record<string, string>, key: string) => Promise<unknown>;
  /** A different request sent with the same key. */
  other: (c: Record<string, string>, key: string) => Promise<unknown>;
  /** What must be the same in both answers (fields like `replayed` or a run's live status may differ). */
  same: (result: never) => unknown;
}

const person = async () => ({ accountId: await fundedPerson(t.app, 'keyed') });
const pendingContributions = async (n: number) => {
  const author = await fundedPerson(t.app, 'author');
  const res = await t.app.contributions.submit({
    accountId: author,
    datanetId: seeded.datanetId,
    idempotencyKey: `pending-${author}`,
    items: Array.from({ length: n }, (_, i) => ({
      text: `${texts[i]} (a fresh reading, number ${author}${i})`,
    })),
  });
  return res.accepted.map((a) => a.contributionId);
};

const cases: Case[] = [
  {
    name: 'transfer',
    prepare: async () => ({ ...(await person()), to: await fundedPerson(t.app, 'payee') }),
    first: (c, key) =>
      t.app.ledger.transfer({
        fromAccountId: c.accountId,
        toAccountId: c.to,
        amount: TOKEN,
        idempotencyKey: key,
      }),
    other: (c, key) =>
      t.app.ledger.transfer({
        fromAccountId: c.accountId,
        toAccountId: c.to,
        amount: 2n * TOKEN,
        idempotencyKey: key,
      }),
    same: (r: { txId: string }) => r.txId,
  },
  {
    name: 'fund pool',
    prepare: person,
    first: (c, key) =>
      t.app.datanets.fundPool({
        accountId: c.accountId,
        datanetId: side,
        amount: TOKEN,
        idempotencyKey: key,
      }),
    other: (c, key) =>
      t.app.datanets.fundPool({
        accountId: c.accountId,
        datanetId: seeded.datanetId,
        amount: TOKEN,
        idempotencyKey: key,
      }),
    same: (r: { txId: string }) => r.txId,
  },
  {
    name: 'faucet',
    prepare: async () => ({ ...(await person()), to: await fundedPerson(t.app, 'payee') }),
    first: (c, key) => t.app.ledger.requestFaucet({ accountId: c.accountId, idempotencyKey: key }),
    // The faucet's only parameter is the caller: the other request is another operation under its key.
    other: (c, key) =>
      t.app.ledger.transfer({
        fromAccountId: c.accountId,
        toAccountId: c.to,
        amount: 1n,
        idempotencyKey: key,
      }),
    same: (r: { txId: string; amount: bigint }) => [r.txId, r.amount],
  },
  {
    name: 'stake',
    prepare: person,
    first: (c, key) =>
      t.app.validation.stake({ accountId: c.accountId, datanetId: side, amount: TOKEN, idempotencyKey: key }),
    other: (c, key) =>
      t.app.validation.stake({
        accountId: c.accountId,
        datanetId: side,
        amount: 3n * TOKEN,
        idempotencyKey: key,
      }),
    same: (r) => r,
  },
  {
    name: 'unstake',
    prepare: async () => {
      const c = await person();
      await t.app.validation.stake({
        accountId: c.accountId,
        datanetId: side,
        amount: 2n * TOKEN,
        idempotencyKey: 'stake-first',
      });
      return c;
    },
    first: (c, key) =>
      t.app.validation.unstake({ accountId: c.accountId, datanetId: side, idempotencyKey: key }),
    other: (c, key) =>
      t.app.validation.unstake({ accountId: c.accountId, datanetId: seeded.datanetId, idempotencyKey: key }),
    same: (r: { returned: bigint }) => r.returned,
  },
  {
    name: 'vote',
    prepare: async () => {
      const [one, two] = await pendingContributions(2);
      return { accountId: seeded.validators[0].accountId, one, two };
    },
    first: (c, key) =>
      t.app.validation.vote({
        accountId: c.accountId,
        contributionId: c.one,
        approve: true,
        idempotencyKey: key,
      }),
    other: (c, key) =>
      t.app.validation.vote({
        accountId: c.accountId,
        contributionId: c.two,
        approve: true,
        idempotencyKey: key,
      }),
    same: (r: { contributionId: string; approve: boolean; weight: bigint; status: string }) => [
      r.contributionId,
      r.approve,
      r.weight,
      r.status,
    ],
  },
  {
    name: 'contribute',
    prepare: person,
    first: (c, key) =>
      t.app.contributions.submit({
        accountId: c.accountId,
        datanetId: side,
        idempotencyKey: key,
        items: [{ text: texts[0] }],
      }),
    other: (c, key) =>
      t.app.contributions.submit({
        accountId: c.accountId,
        datanetId: side,
        idempotencyKey: key,
        items: [{ text: texts[1] }],
      }),
    same: (r: { accepted: unknown[] }) => r.accepted,
  },
  {
    name: 'train',
    prepare: person,
    first: async (c, key) => {
      const started = await t.app.training.start({
        accountId: c.accountId,
        datanetId: seeded.datanetId,
        idempotencyKey: key,
      });
      for await (const r of t.app.training.watch({ runId: started.run.id, intervalMs: 20 })) run = r;
      return started;
    },
    other: (c, key) => t.app.training.start({ accountId: c.accountId, datanetId: side, idempotencyKey: key }),
    same: (r: { run: TrainingRun }) => r.run.id,
  },
  {
    name: 'publish',
    prepare: async () => {
      expect(run?.status).toBe('succeeded');
      return { accountId: run!.developerAccountId, runId: run!.id };
    },
    first: (c, key) =>
      t.app.models.publish({
        accountId: c.accountId,
        runId: c.runId,
        name: 'Idem Model',
        pricePerCall: TOKEN,
        split: SPLIT,
        idempotencyKey: key,
      }),
    other: (c, key) =>
      t.app.models.publish({
        accountId: c.accountId,
        runId: c.runId,
        name: 'Idem Model',
        pricePerCall: 2n * TOKEN,
        split: SPLIT,
        idempotencyKey: key,
      }),
    same: (r: { model: { id: string } }) => r.model.id,
  },
  {
    name: 'invoke',
    prepare: async () => {
      const [model] = await t.app.deps.sql<{ id: string }[]>`select id from models where name = 'Idem Model'`;
      return { ...(await person()), modelId: model.id };
    },
    first: (c, key) =>
      t.app.inference.invoke({
        accountId: c.accountId,
        modelId: c.modelId,
        prompt: 'the harbour',
        idempotencyKey: key,
      }),
    other: (c, key) =>
      t.app.inference.invoke({
        accountId: c.accountId,
        modelId: c.modelId,
        prompt: 'the lantern',
        idempotencyKey: key,
      }),
    same: (r: { answer: string; receipt: { receiptHash: string } }) => [r.answer, r.receipt.receiptHash],
  },
  {
    name: 'link wallet',
    prepare: async () => {
      const c = await person();
      const signed = async () => {
        const wallet = privateKeyToAccount(generatePrivateKey());
        const { message } = await t.app.wallets.startLink({
          accountId: c.accountId,
          address: wallet.address,
        });
        return { message, signature: await wallet.signMessage({ message }) };
      };
      const [one, two] = [await signed(), await signed()];
      return {
        ...c,
        message: one.message,
        signature: one.signature,
        message2: two.message,
        signature2: two.signature,
      };
    },
    first: (c, key) =>
      t.app.wallets.finishLink({
        accountId: c.accountId,
        message: c.message,
        signature: c.signature,
        idempotencyKey: key,
      }),
    other: (c, key) =>
      t.app.wallets.finishLink({
        accountId: c.accountId,
        message: c.message2,
        signature: c.signature2,
        idempotencyKey: key,
      }),
    same: (r) => r,
  },
  {
    name: 'claim',
    prepare: async () => {
      const c = { ...(await person()), to: await fundedPerson(t.app, 'payee') };
      await linkWallet(t.app, c.accountId, privateKeyToAccount(generatePrivateKey()));
      await earn(t.app, c.accountId, 2n * TOKEN);
      await t.app.rewards.settleEpoch();
      await drainOutbox(t.app);
      return c;
    },
    first: (c, key) => t.app.rewards.submitClaim({ accountId: c.accountId, idempotencyKey: key }),
    // A claim's only parameter is the caller: the other request is another operation under its key.
    other: (c, key) =>
      t.app.ledger.transfer({
        fromAccountId: c.accountId,
        toAccountId: c.to,
        amount: 1n,
        idempotencyKey: key,
      }),
    same: (r) => r,
  },
];

describe('every keyed call: same key and request replays, same key and another request is a CONFLICT', () => {
  it.each(cases)('$name', async ({ name, prepare, first, other, same }) => {
    const c = await prepare();
    const key = `idem-${name}`;
    const answer = await first(c, key);
    const after = await footprint(t.app.deps.sql);
    const again = await first(c, key);
    expect(same(again as never)).toEqual(same(answer as never));
    if (typeof again === 'object' && again && 'replayed' in again) expect(again.replayed).toBe(true);
    expect(await footprint(t.app.deps.sql)).toEqual(after);
    await expect(other(c, key)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await footprint(t.app.deps.sql)).toEqual(after);
  });
});
