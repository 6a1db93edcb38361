import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import { type CorpusIndex, compareStrings } from './corpusIndex.ts';

/** One unit of credit, split over contributions by their share of `total` occurrences. */
export interface CreditUnit {
  /** Occurrences per contribution index. */
  tally: ReadonlyMap<number, number>;
  /** Sum of the tally. */
  total: number;
}

export interface ContributionCredit {
  contributionId: string;
  /** Share of the credited units, in [0, 1]; the weights sum to 1 when any unit is credited. */
  weight: number;
  /** Integer share of `creditUnits` (largest remainder over exact fractions); they sum exactly. */
  creditUnits: number;
  /** Units this contribution earned (fractional where a unit was shared). */
  tokens: number;
}

/**
 * Sums the units' shares per contribution and rounds them to `creditUnits` integers that sum
 * exactly. Shares are summed as fractions over the lcm of the totals, so the rounding is exact.
 * Most credit first, then by id.
 */
export function exactCredit(
  index: CorpusIndex,
  units: readonly CreditUnit[],
  creditUnits: number,
): ContributionCredit[] {
  const credit = new Map<number, number>();
  let commonDenominator = 1n;
  for (const { tally, total } of units) {
    commonDenominator = lcm(commonDenominator, BigInt(total));
    for (const [c, k] of tally) credit.set(c, (credit.get(c) ?? 0) + k / total);
  }
  // Exact shares: credit_c * L = Σ_j k_cj * (L / total_j) with L the lcm of the denominators.
  const ordinals = [...credit.keys()].sort((a, b) =>
    compareStrings(index.contributionIds[a], index.contributionIds[b]),
  );
  const position = new Map(ordinals.map((c, i) => [c, i]));
  const exact = ordinals.map(() => 0n);
  for (const { tally, total } of units) {
    const scale = commonDenominator / BigInt(total);
    for (const [c, k] of tally) exact[position.get(c)!] += BigInt(k) * scale;
  }
  const rounded = exact.length === 0 ? [] : splitLargestRemainder(BigInt(creditUnits), exact);
  return ordinals
    .map((c, i) => ({
      contributionId: index.contributionIds[c],
      weight: credit.get(c)! / units.length,
      creditUnits: Number(rounded[i]),
      tokens: credit.get(c)!,
    }))
    .sort(
      (a, b) =>
        b.creditUnits - a.creditUnits ||
        b.weight - a.weight ||
        compareStrings(a.contributionId, b.contributionId),
    );
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}
