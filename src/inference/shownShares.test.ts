import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTokens, parseTokens } from '../shared/amount.ts';
import { shownAmounts, shownPercents } from './shownShares.ts';

describe('shown shares', () => {
  it('add up to the data share as shown, not 0.7241 + 0.2758 of 1', () => {
    const data = 10n ** 18n;
    const parts = [(data * 21n) / 29n, data - (data * 21n) / 29n];
    expect(parts.map((p) => formatTokens(p))).toEqual(['0.7241', '0.2758']);
    expect(shownAmounts(parts).map((p) => formatTokens(p))).toEqual(['0.7241', '0.2759']);
    expect(shownPercents([724_138n, 275_862n])).toEqual(['72.4%', '27.6%']);
    expect(shownPercents([1n, 1n, 1n])).toEqual(['33.4%', '33.3%', '33.3%']);
    expect(shownPercents([5n])).toEqual(['100%']);
  });

  it('always sum exactly, for any split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 21n }), { minLength: 1, maxLength: 12 }),
        (parts) => {
          const total = parts.reduce((a, b) => a + b, 0n);
          const shown = shownAmounts(parts).reduce((a, p) => a + parseTokens(formatTokens(p)), 0n);
          expect(formatTokens(shown)).toBe(formatTokens(total));
          if (total > 0n) {
            const percent = shownPercents(parts).reduce(
              (a, p) => a + Math.round(Number.parseFloat(p) * 10),
              0,
            );
            expect(percent).toBe(1000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
