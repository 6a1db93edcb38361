import { z } from 'zod';
import { badInput } from '../errors.ts';

/** The largest amount a contract can hold (uint256); anything above could never be written on chain. */
export const MAX_AMOUNT = 2n ** 256n - 1n;

/**
 * Token amounts on every wire: a decimal string of base units (or a bigint from TypeScript callers),
 * at most 2^256−1, so every amount the service accepts can also be encoded on chain.
 */
export const amountSchema = z
  .union([
    z.bigint(),
    z
      .string()
      .regex(/^\d{1,78}$/, 'must be a whole number of base units as a decimal string')
      .transform((v) => BigInt(v)),
  ])
  .pipe(
    z
      .bigint()
      .nonnegative('must not be negative')
      .max(MAX_AMOUNT, 'must be at most 2^256−1 base units (the largest amount the chain can hold)'),
  );

const DECIMALS = 18;
const UNIT = 10n ** BigInt(DECIMALS);

/** Renders base units as tokens for people: "12.5" rather than "12500000000000000000". */
export function formatTokens(amount: bigint, maxDecimals = 4): string {
  const neg = amount < 0n;
  const abs = neg ? -amount : amount;
  const whole = abs / UNIT;
  const digits = (abs % UNIT).toString().padStart(DECIMALS, '0');
  let frac = digits.slice(0, maxDecimals).replace(/0+$/, '');
  // A tiny amount is shown in full rather than rounded to a misleading 0.
  if (whole === 0n && frac === '' && abs > 0n) frac = digits.replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Parses "12.5" tokens into base units; refuses more than 18 decimals. */
export function parseTokens(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (!m) throw badInput(`"${text}" is not a token amount like 12 or 0.5.`);
  return BigInt(m[1]) * UNIT + BigInt((m[2] ?? '').padEnd(DECIMALS, '0'));
}
