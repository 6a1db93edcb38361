import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';

const TOKEN_DECIMALS = 18;

/**
 * Per-contribution amounts as people see them, at `decimals` token decimals: rounded by largest
 * remainder so the shown parts sum to the shown total (the total truncated, as formatTokens shows
 * it). Truncating each part instead shows 0.7241 + 0.2758 of a data share of 1.
 */
export function shownAmounts(amounts: readonly bigint[], decimals = 4): bigint[] {
  const step = 10n ** BigInt(TOKEN_DECIMALS - decimals);
  const total = amounts.reduce((a, b) => a + b, 0n);
  const shownTotal = total / step;
  if (shownTotal === 0n) return [...amounts];
  return splitLargestRemainder(shownTotal, amounts).map((part) => part * step);
}

/** Weights (integer units) as percentages with `decimals` decimals that add up to exactly 100%. */
export function shownPercents(units: readonly bigint[], decimals = 1): string[] {
  if (units.length === 0 || units.every((u) => u === 0n)) return units.map(() => '0%');
  const scale = 10 ** decimals;
  const parts = splitLargestRemainder(BigInt(100 * scale), units);
  return parts.map((p) => {
    const fixed = (Number(p) / scale).toFixed(decimals);
    return `${fixed.includes('.') ? fixed.replace(/0+$/u, '').replace(/\.$/u, '') : fixed}%`;
  });
}
