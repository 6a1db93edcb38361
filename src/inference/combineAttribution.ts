import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';

export const COMBINED_UNITS = 1_000_000n;

export interface CombinedWeight {
  contributionId: string;
  /** Parts per million of the data share; they sum to exactly 1,000,000. */
  weight: bigint;
  span: number;
  influence: number;
}

/**
 * How a neural answer's data share is divided: w_c = (1 − β)·span_c + β·influence_c, where span_c
 * is the contribution's share of the answer's credited span tokens and influence_c its share of
 * the positive gradient influence. β is config (INFLUENCE_WEIGHT, default 0.5).
 *
 * Why this combination:
 * - Spans are exact and checkable: anyone holding the snapshot and the answer recomputes them. But
 *   they only see verbatim reuse of at least minSpan tokens, so a paraphrase or a learnt style
 *   earns nothing by spans alone.
 * - Gradient influence (TracIn/TRAK over the adapter) sees what the adapter learnt from each
 *   contribution, verbatim or not, but it is an estimate (random projection, few checkpoints) and
 *   only the model's holder can recompute it.
 * - Each is normalised to a share first, so their scales (token counts vs gradient dot products)
 *   never matter and each method moves at most its β of the money: a noisy influence estimate can
 *   shift a payout but cannot take all of it from verbatim sources, and vice versa.
 * - Negative influence (contributions that made the answer less likely, TracIn's "opponents") is
 *   clipped to zero: a payout cannot be negative, and paying opponents would reward the opposite.
 * - With only one signal present (no span reached minSpan, or the artifact has no gradient
 *   features) that one takes the whole share; with neither, null (the caller falls back to the
 *   snapshot by tokens, as ∞-gram models do).
 */
export function combineAttribution(input: {
  spans: readonly { contributionId: string; units: bigint }[];
  influence: readonly { contributionId: string; score: number }[] | null;
  beta: number;
}): CombinedWeight[] | null {
  const spanShare = shares(input.spans.map((s) => [s.contributionId, Number(s.units)]));
  const influenceShare = shares((input.influence ?? []).map((s) => [s.contributionId, s.score]));
  if (spanShare.size === 0 && influenceShare.size === 0) return null;
  const beta = spanShare.size === 0 ? 1 : influenceShare.size === 0 ? 0 : input.beta;
  const ids = [...new Set([...spanShare.keys(), ...influenceShare.keys()])].sort(compareIds);
  const mixed = ids.map((id) => (1 - beta) * (spanShare.get(id) ?? 0) + beta * (influenceShare.get(id) ?? 0));
  // Fixed-point at 1e-12 then exact largest-remainder: the same floats always give the same units.
  const fixed = mixed.map((w) => BigInt(Math.round(w * 1e12)));
  if (fixed.every((f) => f === 0n)) return null;
  const units = splitLargestRemainder(COMBINED_UNITS, fixed);
  return ids
    .map((contributionId, i) => ({
      contributionId,
      weight: units[i],
      span: spanShare.get(contributionId) ?? 0,
      influence: influenceShare.get(contributionId) ?? 0,
    }))
    .filter((w) => w.weight > 0n);
}

/** Positive values as shares of their sum (empty when none is positive). */
function shares(values: readonly [string, number][]): Map<string, number> {
  const positive = values.filter(([, v]) => Number.isFinite(v) && v > 0);
  const total = positive.reduce((a, [, v]) => a + v, 0);
  const out = new Map<string, number>();
  if (total <= 0) return out;
  for (const [id, v] of positive) out.set(id, (out.get(id) ?? 0) + v / total);
  return out;
}

const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
