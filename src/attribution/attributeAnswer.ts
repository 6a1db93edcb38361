import { badInput } from '../errors.ts';
import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import { type ContributionCount, type CorpusIndex, compareStrings } from './corpusIndex.ts';
import { SuffixTracker } from './suffixTracker.ts';

export interface AttributionOptions {
  /**
   * Tokens whose longest matching span is shorter than this carry no credit (default 4: with word
   * tokens, 3-token spans such as ', and the' recur across unrelated texts by coincidence).
   */
  minSpan?: number;
  /** Integer credit units shared out per answer (default 1,000,000: parts per million). */
  creditUnits?: number;
}

/** A maximal matching span of the answer: no longer span ending later contains it. */
export interface AttributedSpan {
  start: number;
  /** Exclusive. */
  end: number;
  length: number;
  contributions: ContributionCount[];
}

export interface ContributionCredit {
  contributionId: string;
  /** Share of the credited tokens, in [0, 1]; the weights sum to 1 when any token is credited. */
  weight: number;
  /** Integer share of `creditUnits` (largest remainder over exact fractions); they sum exactly. */
  creditUnits: number;
  /** Credited tokens this contribution earned (fractional where tokens were shared). */
  tokens: number;
}

export interface Attribution {
  /** Per answer token: length of the longest corpus match ending there. */
  spanLengths: Int32Array;
  creditedTokens: number;
  spans: AttributedSpan[];
  /** Most credit first, then by id. */
  contributions: ContributionCredit[];
  creditUnitsTotal: number;
}

/**
 * Span-matching attribution (OLMoTrace style). Each answer token whose longest corpus match
 * ending there has at least `minSpan` tokens earns one unit of credit, split among the
 * contributions holding that span in proportion to how many occurrences each holds: a
 * contribution that repeats a passage made it that much more likely under the ∞-gram, which
 * counts occurrences, so leave-one-out agrees better than with an even split.
 *
 * Cost: one suffix-array step per token (more where a match breaks) plus one document lookup per
 * occurrence of each credited span, so a small minSpan on a large corpus pays for common phrases.
 * Credit units are exact: shares are summed as fractions over the lcm of the occurrence counts.
 */
export function attributeAnswer(
  index: CorpusIndex,
  answer: ArrayLike<number>,
  options: AttributionOptions = {},
): Attribution {
  const { minSpan = 4, creditUnits = 1_000_000 } = options;
  if (!(Number.isInteger(minSpan) && minSpan >= 1))
    throw badInput('minSpan must be an integer >= 1.', { minSpan });
  if (!(Number.isSafeInteger(creditUnits) && creditUnits >= 1)) {
    throw badInput('creditUnits must be a positive safe integer.', { creditUnits });
  }
  const n = answer.length;
  const spanLengths = new Int32Array(n);
  const tallies: (Map<number, number> | undefined)[] = new Array(n);
  const occurrences = new Int32Array(n);
  const tracker = new SuffixTracker(index, false);
  for (let j = 0; j < n; j++) {
    tracker.push(answer, j + 1);
    spanLengths[j] = tracker.length;
    if (tracker.length >= minSpan) {
      const tally = new Map<number, number>();
      index.tallyContributions(tracker.lo, tracker.hi, tally);
      tallies[j] = tally;
      occurrences[j] = tracker.hi - tracker.lo;
    }
  }

  const spans: AttributedSpan[] = [];
  const credit = new Map<number, number>();
  let creditedTokens = 0;
  let commonDenominator = 1n;
  for (let j = 0; j < n; j++) {
    const tally = tallies[j];
    if (!tally) continue;
    creditedTokens++;
    commonDenominator = lcm(commonDenominator, BigInt(occurrences[j]));
    for (const [c, k] of tally) credit.set(c, (credit.get(c) ?? 0) + k / occurrences[j]);
    const maximal = j === n - 1 || spanLengths[j + 1] !== spanLengths[j] + 1;
    if (maximal) {
      spans.push({
        start: j + 1 - spanLengths[j],
        end: j + 1,
        length: spanLengths[j],
        contributions: index.nameContributions(tally),
      });
    }
  }

  // Exact shares: credit_c * L = Σ_j k_cj * (L / occurrences_j) with L the lcm of the denominators.
  const ordinals = [...credit.keys()].sort((a, b) =>
    compareStrings(index.contributionIds[a], index.contributionIds[b]),
  );
  const position = new Map(ordinals.map((c, i) => [c, i]));
  const exact = ordinals.map(() => 0n);
  for (let j = 0; j < n; j++) {
    const tally = tallies[j];
    if (!tally) continue;
    const scale = commonDenominator / BigInt(occurrences[j]);
    for (const [c, k] of tally) exact[position.get(c)!] += BigInt(k) * scale;
  }
  const units = exact.length === 0 ? [] : splitLargestRemainder(BigInt(creditUnits), exact);
  const contributions = ordinals
    .map((c, i) => ({
      contributionId: index.contributionIds[c],
      weight: credit.get(c)! / creditedTokens,
      creditUnits: Number(units[i]),
      tokens: credit.get(c)!,
    }))
    .sort(
      (a, b) =>
        b.creditUnits - a.creditUnits ||
        b.weight - a.weight ||
        compareStrings(a.contributionId, b.contributionId),
    );
  return {
    spanLengths,
    creditedTokens,
    spans,
    contributions,
    creditUnitsTotal: creditedTokens > 0 ? creditUnits : 0,
  };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}
