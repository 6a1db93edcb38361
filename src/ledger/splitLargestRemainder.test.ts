import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLargestRemainder } from './splitLargestRemainder.ts';

describe('splitLargestRemainder', () => {
  it('always sums to the total, never goes negative, and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = splitLargestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0n);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          parts.forEach((part, i) => {
            expect(part >= 0n).toBe(true);
            const floor = (total * weights[i]) / sum;
            expect(part === floor || part === floor + 1n).toBe(true);
            if (weights[i] === 0n) expect(part).toBe(0n);
          });
        },
      ),
    );
  });

  it('gives the leftover units to the largest remainders, ties to the earlier part', () => {
    expect(splitLargestRemainder(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(splitLargestRemainder(100n, [5000n, 3000n, 1500n, 500n])).toEqual([50n, 30n, 15n, 5n]);
    expect(splitLargestRemainder(7n, [2n, 5n])).toEqual([2n, 5n]);
    expect(splitLargestRemainder(1n, [1n, 2n])).toEqual([0n, 1n]);
  });

  it('refuses weights that sum to zero and negative inputs', () => {
    expect(() => splitLargestRemainder(5n, [0n, 0n])).toThrow(/sum to zero/);
    expect(() => splitLargestRemainder(-1n, [1n])).toThrow(/negative/);
  });
});
