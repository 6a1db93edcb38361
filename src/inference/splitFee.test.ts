import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import { type Payee, splitFee } from './splitFee.ts';

const SPLIT = { developerBps: 2500, dataBps: 5000, validatorsBps: 1500, protocolBps: 1000 };
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('splitFee', () => {
  it('adds up one contributor’s contributions and one validator’s approvals', () => {
    const payees = new Map<string, Payee>([
      [
        '1',
        {
          contributorAccountId: '10',
          approvers: [
            { accountId: '20', weight: 1n },
            { accountId: '21', weight: 3n },
          ],
        },
      ],
      ['2', { contributorAccountId: '10', approvers: [{ accountId: '21', weight: 3n }] }],
      ['3', { contributorAccountId: '11', approvers: [{ accountId: '20', weight: 1n }] }],
    ]);
    const result = splitFee({
      fee: 10_000n,
      split: SPLIT,
      developerAccountId: '99',
      weights: [
        { contributionId: '1', weight: 500_000n },
        { contributionId: '2', weight: 250_000n },
        { contributionId: '3', weight: 250_000n },
      ],
      payees,
    });
    expect(result.parts).toEqual({ developer: 2500n, data: 5000n, validators: 1500n, protocol: 1000n });
    expect(result.payouts).toEqual([
      { accountId: '99', role: 'developer', amount: 2500n },
      { accountId: '10', role: 'contributor', amount: 3750n },
      { accountId: '11', role: 'contributor', amount: 1250n },
      // Contribution 1's 750 splits 1:3 (187.5 / 562.5, the tie to the first); 2's 375 all to 21, 3's to 20.
      { accountId: '20', role: 'validator', amount: 188n + 375n },
      { accountId: '21', role: 'validator', amount: 562n + 375n },
      { accountId: null, role: 'protocol', amount: 1000n },
    ]);
  });

  it('gives the treasury what nobody can receive', () => {
    const none = splitFee({
      fee: 101n,
      split: SPLIT,
      developerAccountId: '1',
      weights: [],
      payees: new Map(),
    });
    expect(none.payouts.find((p) => p.role === 'protocol')?.amount).toBe(
      none.parts.protocol + none.parts.data + none.parts.validators,
    );
    const orphan = splitFee({
      fee: 100n,
      split: SPLIT,
      developerAccountId: '1',
      weights: [{ contributionId: '5', weight: 1n }],
      payees: new Map([['5', { contributorAccountId: '2', approvers: [] }]]),
    });
    expect(orphan.payouts.find((p) => p.role === 'protocol')?.amount).toBe(
      orphan.parts.protocol + orphan.parts.validators,
    );
  });

  it('always pays out exactly the fee, each part exactly, by largest remainder', () => {
    const payee = fc.record({
      contributor: fc.integer({ min: 1, max: 5 }),
      approvers: fc.uniqueArray(
        fc.record({ id: fc.integer({ min: 1, max: 6 }), w: fc.bigInt({ min: 0n, max: 10n ** 20n }) }),
        {
          selector: (a) => a.id,
          maxLength: 4,
        },
      ),
      weight: fc.bigInt({ min: 0n, max: 1_000_000n }),
    });
    const bps = fc.tuple(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000)).map(([a, b, c]) => {
      const [x, y, z] = [a, b, c].sort((p, q) => p - q);
      return { developerBps: x, dataBps: y - x, validatorsBps: z - y, protocolBps: 10_000 - z };
    });
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        bps,
        fc.array(payee, { maxLength: 8 }),
        (fee, split, list) => {
          const payees = new Map<string, Payee>(
            list.map((p, i) => [
              String(i + 1),
              {
                contributorAccountId: `c${p.contributor}`,
                approvers: p.approvers.map((a) => ({ accountId: `v${a.id}`, weight: a.w })),
              },
            ]),
          );
          const weights = list.map((p, i) => ({ contributionId: String(i + 1), weight: p.weight }));
          const r = splitFee({ fee, split, developerAccountId: 'd', weights, payees });
          expect(sum(r.payouts.map((p) => p.amount))).toBe(fee);
          expect(r.payouts.every((p) => p.amount > 0n)).toBe(true);
          const parts = splitLargestRemainder(
            fee,
            [split.developerBps, split.dataBps, split.validatorsBps, split.protocolBps].map(BigInt),
          );
          expect([r.parts.developer, r.parts.data, r.parts.validators, r.parts.protocol]).toEqual(parts);
          const credited = weights.some((w) => w.weight > 0n);
          const byRole = (role: string) => sum(r.payouts.filter((p) => p.role === role).map((p) => p.amount));
          expect(byRole('contributor')).toBe(credited ? r.parts.data : 0n);
          expect(byRole('developer')).toBe(r.parts.developer);
          expect(byRole('validator') + byRole('protocol')).toBe(
            r.parts.validators + r.parts.protocol + (credited ? 0n : r.parts.data),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
