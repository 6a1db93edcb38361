import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { trainAndPublish } from './support/trainAndPublish.ts';

// A validator below the gold threshold earns nothing from decisions; the validator share of paid
// calls on data they approved must skip them the same way, or suspension would cost them little.
let t: TestApp;
let clock = Date.parse('2026-05-01T10:00:00Z');
const DAY = 86_400_000;
let seeded: SeededDatanet;
let modelId: string;
let caller: string;
const SPLIT = { developerBps: 2500, dataBps: 2500, validatorsBps: 4000, protocolBps: 1000 };
const texts = [
  'The quiet river carries silver light beneath the sleeping hills,',
  'and every stone remembers rain that fell a hundred years ago.',
  'We gather bread and salt and songs, and no one leaves the table hungry.',
];
const balanceOf = async (accountId: string) => (await t.app.ledger.getBalance({ accountId })).available;

/** Five gold items (the default minimum) that `validator` answers wrongly. */
async function failGold(validator: string, tag: string) {
  const r = await t.app.validation.seedGold({
    accountId: seeded.owner,
    datanetId: seeded.datanetId,
    idempotencyKey: tag,
    items: [0, 1, 2, 3, 4].map((i) => ({
      text: `Gold ${tag} ${i}: a heron writes its patient name across the shallow water.`,
      approve: true,
    })),
  });
  for (const g of r.gold)
    await t.app.validation.vote({ accountId: validator, contributionId: g.contributionId, approve: false });
}

async function paidCall(key: string) {
  const { receipt } = await t.app.inference.invoke({
    accountId: caller,
    modelId,
    prompt: 'The quiet river',
    maxTokens: 6,
    idempotencyKey: key,
  });
  const validators = receipt.payouts.filter((p) => p.role === 'validator');
  return { receipt, validators };
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date(clock) });
  seeded = await seedApprovedDatanet(t.app, { name: 'Gold Paid', texts, authors: [0, 0, 0], authorCount: 1 });
  modelId = await trainAndPublish(t.app, {
    developer: await fundedPerson(t.app, 'dev'),
    datanetId: seeded.datanetId,
    name: 'Gold Paid Verse',
    pricePerCall: TOKEN,
    split: SPLIT,
    key: 'gold-paid',
  });
  caller = await fundedPerson(t.app, 'caller');
});
afterAll(async () => t?.cleanup());

describe('paid calls and gold suspension', () => {
  it("pays a suspended approver nothing: the other approvers get the validators' part", async () => {
    const [v0, v1] = seeded.validators.map((v) => v.accountId);
    const first = await paidCall('before');
    expect(first.validators.map((p) => p.accountId).sort()).toEqual([v0, v1].sort());

    await failGold(v0, 'a');
    clock += DAY;
    expect((await t.app.validation.status({ accountId: v0 })).stakes[0]).toMatchObject({ suspended: true });
    const [b0, b1] = [await balanceOf(v0), await balanceOf(v1)];
    const { receipt, validators } = await paidCall('suspended');
    expect(validators.map((p) => p.accountId)).toEqual([v1]);
    expect(validators[0].amount).toBe(receipt.parts.validators);
    expect(BigInt(receipt.parts.validators)).toBeGreaterThan(0n);
    expect(await balanceOf(v0)).toBe(b0);
    expect(await balanceOf(v1)).toBe(b1 + BigInt(receipt.parts.validators));
    const total = receipt.payouts.reduce((s, p) => s + BigInt(p.amount), 0n);
    expect(total).toBe(TOKEN);
    await assertLedgerInvariants(t.app);
  });

  it('sends the part to the protocol treasury when every approver is suspended', async () => {
    const [v0, v1] = seeded.validators.map((v) => v.accountId);
    await failGold(v1, 'b');
    clock += DAY;
    const [b0, b1] = [await balanceOf(v0), await balanceOf(v1)];
    const { receipt, validators } = await paidCall('all-suspended');
    expect(validators).toEqual([]);
    const protocol = receipt.payouts.filter((p) => p.role === 'protocol');
    expect(protocol).toEqual([
      {
        accountId: null,
        role: 'protocol',
        amount: (BigInt(receipt.parts.protocol) + BigInt(receipt.parts.validators)).toString(),
      },
    ]);
    expect([await balanceOf(v0), await balanceOf(v1)]).toEqual([b0, b1]);
    await assertLedgerInvariants(t.app);
  });
});
