import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { amountSchema, formatTokens, MAX_AMOUNT, parseTokens } from './amount.ts';
import { parseInput } from './parseInput.ts';

describe('token amounts', () => {
  it('formats base units for people', () => {
    expect(formatTokens(12_500_000_000_000_000_000n)).toBe('12.5');
    expect(formatTokens(10n ** 18n)).toBe('1');
    expect(formatTokens(0n)).toBe('0');
    expect(formatTokens(5n)).toBe('0.000000000000000005');
  });

  it('parses what it formats at full precision', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (v) => {
        expect(parseTokens(formatTokens(v, 18))).toBe(v);
      }),
    );
  });

  it('refuses malformed amounts', () => {
    expect(() => parseTokens('1.2.3')).toThrow(/not a token amount/);
    expect(() => parseTokens('-1')).toThrow(/not a token amount/);
  });

  it('accepts amounts up to 2^256−1 and refuses larger ones, naming the field', () => {
    const params = z.object({ pricePerCall: amountSchema });
    expect(parseInput(params, { pricePerCall: MAX_AMOUNT.toString() }).pricePerCall).toBe(MAX_AMOUNT);
    expect(parseInput(params, { pricePerCall: MAX_AMOUNT }).pricePerCall).toBe(MAX_AMOUNT);
    for (const pricePerCall of [(MAX_AMOUNT + 1n).toString(), MAX_AMOUNT + 1n, '9'.repeat(78), -1n]) {
      expect(() => parseInput(params, { pricePerCall })).toThrow(
        expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/^pricePerCall: /) }),
      );
    }
  });
});
