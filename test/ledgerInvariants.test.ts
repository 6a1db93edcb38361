import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';

let t: TestApp;
const people: string[] = [];
let datanetId: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 5; i++) people.push(await fundedPerson(t.app, `p${i}`));
  const d = await t.app.datanets.create({
    ownerAccountId: people[0],
    name: 'Invariant Lines',
    deposit: '7',
    minStake: '100',
    quorumVotes: 2,
    approvalBps: 5001,
    validationReward: '13',
    dailyItems: 100_000,
  });
  datanetId = d.id;
});
afterAll(async () => t?.cleanup());

const person = fc.integer({ min: 0, max: 4 });
const small = fc.bigInt({ min: 1n, max: 400n });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('transfer' as const),
    from: person,
    to: person,
    amount: fc.oneof(small, fc.constant(1000n * TOKEN)),
  }),
  fc.record({
    kind: fc.constant('stake' as const),
    who: person,
    amount: fc.bigInt({ min: 100n, max: 300n }),
  }),
  fc.record({ kind: fc.constant('unstake' as const), who: person }),
  fc.record({ kind: fc.constant('fund' as const), who: person, amount: small }),
  fc.record({ kind: fc.constant('contribute' as const), who: person, n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('vote' as const), who: person, approve: fc.boolean(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('withdraw' as const), who: person, pick: fc.nat() }),
);

// Refusals a random sequence is expected to hit; anything else is a bug.
const EXPECTED = new Set([
  'INSUFFICIENT_FUNDS',
  'BAD_INPUT',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_STATE',
  'NOT_FOUND',
]);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function run(o: Op) {
  seq += 1;
  const key = `op-${seq}`;
  const a = t.app;
  switch (o.kind) {
    case 'transfer':
      return a.ledger.transfer({
        fromAccountId: people[o.from],
        toAccountId: people[o.to],
        amount: o.amount,
        idempotencyKey: key,
      });
    case 'stake':
      return a.validation.stake({
        accountId: people[o.who],
        datanetId,
        amount: o.amount,
        idempotencyKey: key,
      });
    case 'unstake':
      return a.validation.unstake({ accountId: people[o.who], datanetId });
    case 'fund':
      return a.datanets.fundPool({
        accountId: people[o.who],
        datanetId,
        amount: o.amount,
        idempotencyKey: key,
      });
    case 'contribute':
      return a.contributions.submit({
        accountId: people[o.who],
        datanetId,
        idempotencyKey: key,
        items: Array.from({ length: o.n }, (_, i) => ({
          text: `invariant item ${seq}-${i} about rivers and hills`,
        })),
      });
    case 'vote':
    case 'withdraw': {
      const pending = await a.database.sql`select id from contributions where status = 'pending' order by id`;
      if (pending.length === 0) return;
      const contributionId = pending[o.pick % pending.length].id;
      return o.kind === 'vote'
        ? a.validation.vote({ accountId: people[o.who], contributionId, approve: o.approve })
        : a.contributions.withdraw({ accountId: people[o.who], contributionId });
    }
  }
}

describe('ledger invariants under random operations', () => {
  it('never breaks double entry, balances, stakes or escrow', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          try {
            await run(o);
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code || !EXPECTED.has(code)) throw error;
          }
        }
        await assertLedgerInvariants(t.app);
      }),
      { numRuns: 15 },
    );
  });
});
