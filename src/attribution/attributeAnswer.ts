import { badInput } from '../errors.ts';
import type { ContributionCount, CorpusIndex } from './corpusIndex.ts';
import { evidenceCredit } from './evidenceCredit.ts';
import { type ContributionCredit, type CreditUnit, exactCredit } from './exactCredit.ts';
import type { SampledState } from './infiniGram.ts';
import { SuffixTracker } from './suffixTracker.ts';

export type { ContributionCredit } from './exactCredit.ts';

export interface AttributionOptions {
  /**
   * Tokens whose longest matching span is shorter than this carry no credit (default 4: with word
   * tokens, 3-token spans such as ', and the' recur across unrelated texts by coincidence).
   */
  minSpan?: number;
  /** Integer credit units shared out per answer (default 1,000,000: parts per million). */
  creditUnits?: number;
  /** The context the answer was generated from: spans are counted from it, as generation does. */
  prompt?: ArrayLike<number>;
  /** The answer stopped at an end-of-document token: only texts that end there were followed. */
  endsDocument?: boolean;
  /** The ∞-gram states generation sampled: paid by when no token is credited. */
  evidence?: readonly SampledState[];
}

/** A maximal matching span of the answer: no longer span ending later contains it. */
export interface AttributedSpan {
  /** First answer token of the span (the match may begin earlier, in the prompt). */
  start: number;
  /** Exclusive. */
  end: number;
  /** Answer tokens in the span: end - start. */
  length: number;
  /** Tokens of the match in the prompt, before `start`. */
  promptTokens: number;
  contributions: ContributionCount[];
}

export interface Attribution {
  /** Per answer token: length of the longest corpus match ending there, prompt included. */
  spanLengths: Int32Array;
  creditedTokens: number;
  /** Answer tokens not credited because their longest match was shorter than minSpan (but > 0). */
  shortSpanTokens: number;
  /** Answer tokens that occur nowhere in the corpus after their context (only a neural model makes these). */
  unmatchedTokens: number;
  /** 'spans': credited tokens; 'evidence': none was, the model's sampled states pay; 'none': neither. */
  basis: 'spans' | 'evidence' | 'none';
  spans: AttributedSpan[];
  /** Most credit first, then by id. */
  contributions: ContributionCredit[];
  creditUnitsTotal: number;
}

/**
 * Span-matching attribution (OLMoTrace style), counted from the prompt's context as generation
 * counts it. Each answer token whose longest corpus match ending there has at least `minSpan`
 * tokens earns one unit of credit. The unit goes to the occurrences the answer went on to follow:
 * the match is extended through the rest of the answer (and its end of document) while it still
 * occurs, and the unit is split over the contributions holding that longer match, by occurrences.
 * Where two texts share a phrase, the answer's continuation says which one it followed, so that
 * one is credited; sampling follows each occurrence equally often, so over many calls each text
 * earns in proportion to how often the model follows it. A contribution that repeats a passage
 * made it that much more likely under the ∞-gram, so leave-one-out agrees with the occurrence split.
 *
 * When no token is credited, the `evidence` (the ranges each generation step sampled from) pays:
 * the contributions whose occurrences produced the distributions that were sampled.
 */
export function attributeAnswer(
  index: CorpusIndex,
  answer: ArrayLike<number>,
  options: AttributionOptions = {},
): Attribution {
  const { minSpan = 4, creditUnits = 1_000_000, prompt = [], endsDocument = false } = options;
  if (!(Number.isInteger(minSpan) && minSpan >= 1))
    throw badInput('minSpan must be an integer >= 1.', { minSpan });
  if (!(Number.isSafeInteger(creditUnits) && creditUnits >= 1)) {
    throw badInput('creditUnits must be a positive safe integer.', { creditUnits });
  }
  const p = prompt.length;
  const n = answer.length;
  const sequence = new Int32Array(p + n);
  for (let i = 0; i < p; i++) sequence[i] = prompt[i];
  for (let i = 0; i < n; i++) sequence[p + i] = answer[i];
  const spanLengths = new Int32Array(n);
  const ranges: ({ lo: number; hi: number } | undefined)[] = new Array(n);
  const tracker = new SuffixTracker(index, false);
  for (let end = 1; end <= p; end++) tracker.push(sequence, end);
  let shortSpanTokens = 0;
  let unmatchedTokens = 0;
  for (let j = 0; j < n; j++) {
    tracker.push(sequence, p + j + 1);
    spanLengths[j] = tracker.length;
    if (tracker.length >= minSpan) ranges[j] = followed(index, sequence, p + j + 1, tracker, endsDocument);
    else if (tracker.length > 0) shortSpanTokens++;
    else unmatchedTokens++;
  }

  const spans: AttributedSpan[] = [];
  const units: CreditUnit[] = [];
  for (let j = 0; j < n; j++) {
    const range = ranges[j];
    if (!range) continue;
    const tally = new Map<number, number>();
    index.tallyContributions(range.lo, range.hi, tally);
    units.push({ tally, total: range.hi - range.lo });
    if (j === n - 1 || spanLengths[j + 1] !== spanLengths[j] + 1) {
      const start = Math.max(0, j + 1 - spanLengths[j]);
      spans.push({
        start,
        end: j + 1,
        length: j + 1 - start,
        promptTokens: spanLengths[j] - (j + 1 - start),
        contributions: index.nameContributions(tally),
      });
    }
  }
  const creditedTokens = units.length;
  let basis: Attribution['basis'] = 'spans';
  let paying = units;
  if (creditedTokens === 0) {
    paying = evidenceCredit(index, options.evidence ?? []);
    basis = paying.length > 0 ? 'evidence' : 'none';
  }
  return {
    spanLengths,
    creditedTokens,
    shortSpanTokens,
    unmatchedTokens,
    basis,
    spans,
    contributions: exactCredit(index, paying, creditUnits),
    creditUnitsTotal: paying.length > 0 ? creditUnits : 0,
  };
}

/**
 * The occurrences of the match ending at sequence[end - 1] that the rest of the sequence went on
 * to follow: extended token by token while it still occurs (once one occurrence is left, nothing
 * further can narrow it), then to those that end a document when the answer ended at one.
 */
function followed(
  index: CorpusIndex,
  sequence: Int32Array,
  end: number,
  tracker: SuffixTracker,
  endsDocument: boolean,
): { lo: number; hi: number } {
  let { lo, hi } = tracker;
  let depth = tracker.length;
  let at = end;
  for (; at < sequence.length && hi - lo > 1; at++) {
    const next = index.extend(lo, hi, depth, sequence[at]);
    if (!next) break;
    ({ lo, hi } = next);
    depth++;
  }
  if (endsDocument && at === sequence.length && hi - lo > 1) {
    const ending = index.continuationEnd(lo, hi, depth);
    if (ending < hi) lo = ending;
  }
  return { lo, hi };
}
