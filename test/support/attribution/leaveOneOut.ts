import type { CorpusIndex } from '../../../src/attribution/corpusIndex.ts';
import { badInput } from '../../../src/errors.ts';
import { scoreInfiniGram } from './scoreInfiniGram.ts';
import { spearman } from './spearman.ts';
import { onlyThese, removeContribution, subtractContribution } from './withoutContribution.ts';

export { spearman } from './spearman.ts';

export interface LeaveOneOutOptions {
  /** Context before the answer; conditions the scores but is not scored. */
  prompt?: ArrayLike<number>;
  /** Smoothing weight, see scoreInfiniGram (default 0.01). */
  epsilon?: number;
  /** Default: the index's tokenLimit - 1. Must cover every answer token. */
  vocabularySize?: number;
  /** 'subtract' (default) counts full minus the contribution; 'rebuild' re-indexes without it. */
  method?: 'subtract' | 'rebuild';
  /** The answer stopped at an end-of-document token: its likelihood is scored too. */
  endsDocument?: boolean;
  /**
   * Also remove every contribution not in `weights` at once, as one more entry (REST, weight 0).
   * With one or two weighted contributions Spearman over them alone is undefined or a coin flip;
   * against the rest of the snapshot it says whether the credited ones matter more than the others.
   */
  includeRest?: boolean;
}

/** The contributionId of the `includeRest` entry. */
export const REST = '(rest of the snapshot)';

export interface LeaveOneOutEntry {
  contributionId: string;
  weight: number;
  /** Answer log-likelihood with this contribution removed. */
  logLikelihood: number;
  /** Full-corpus log-likelihood minus logLikelihood: how much the answer relied on it. */
  drop: number;
}

export interface LeaveOneOutReport {
  logLikelihood: number;
  entries: LeaveOneOutEntry[];
  /** Rank correlation of weights and drops; NaN with fewer than two contributions or no spread. */
  spearman: number;
}

/**
 * Faithfulness check for an attribution: removes each weighted contribution in turn, re-scores
 * the answer under the smoothed ∞-gram, and correlates the likelihood drops with the weights.
 */
export function leaveOneOut(
  index: CorpusIndex,
  answer: ArrayLike<number>,
  weights: readonly { contributionId: string; weight: number }[],
  options: LeaveOneOutOptions = {},
): LeaveOneOutReport {
  const {
    prompt = [],
    epsilon,
    vocabularySize = index.tokenLimit - 1,
    method = 'subtract',
    endsDocument,
  } = options;
  const tokens = new Int32Array(prompt.length + answer.length);
  for (let i = 0; i < prompt.length; i++) tokens[i] = prompt[i];
  for (let i = 0; i < answer.length; i++) tokens[prompt.length + i] = answer[i];
  const scoring = { vocabularySize, epsilon, from: prompt.length, endsDocument };
  const full = scoreInfiniGram(index, tokens, scoring).logLikelihood;
  const seen = new Set<string>();
  const entries = weights.map(({ contributionId, weight }) => {
    if (seen.has(contributionId)) throw badInput('A contribution is listed twice.', { contributionId });
    seen.add(contributionId);
    const counts =
      method === 'rebuild'
        ? removeContribution(index, contributionId)
        : subtractContribution(index, contributionId);
    const logLikelihood = scoreInfiniGram(counts, tokens, scoring).logLikelihood;
    return { contributionId, weight, logLikelihood, drop: full - logLikelihood };
  });
  if (options.includeRest && seen.size < index.contributionIds.length) {
    const logLikelihood = scoreInfiniGram(onlyThese(index, seen), tokens, scoring).logLikelihood;
    entries.push({ contributionId: REST, weight: 0, logLikelihood, drop: full - logLikelihood });
  }
  return {
    logLikelihood: full,
    entries,
    spearman: spearman(
      entries.map((e) => e.weight),
      entries.map((e) => e.drop),
    ),
  };
}
