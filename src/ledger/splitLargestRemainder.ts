import { badInput } from '../errors.ts';

/**
 * Splits `total` into parts proportional to `weights` so the parts sum to `total` exactly:
 * each part gets the floor of its share, and the units left over go one each to the largest
 * fractional remainders (ties to the earlier index, so the result is deterministic).
 * All-zero weights are refused: there is no fair split of money over nobody.
 */
export function splitLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw badInput('Cannot split a negative amount.');
  if (weights.some((w) => w < 0n)) throw badInput('Split weights cannot be negative.');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw badInput('Cannot split over weights that sum to zero.');
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  if (left === 0n) return parts;
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}
