import { longestValidLength } from '../../../src/attribution/longestValidLength.ts';
import { badInput } from '../../../src/errors.ts';

/** What the ∞-gram needs from a corpus; CorpusIndex has it, and so does a corpus minus one part. */
export interface NgramCounts {
  /** Tokens in the corpus, separators excluded. */
  readonly tokenCount: number;
  count(tokens: ArrayLike<number>, start: number, end: number): number;
  /** Occurrences followed by another token of the same document. */
  continuationCount(tokens: ArrayLike<number>, start: number, end: number): number;
}

export interface ScoreOptions {
  /** Ids run 1..vocabularySize; the smoothing spreads mass over all of them. */
  vocabularySize: number;
  /** Weight of the add-one unigram mixed into every prediction (default 0.01). */
  epsilon?: number;
  /** Tokens before this position are context only (a prompt) and are not scored. */
  from?: number;
  /** Also score the end-of-document token after the last token (the answer stopped there). */
  endsDocument?: boolean;
}

export interface SequenceScore {
  logLikelihood: number;
  /** Natural-log probability of each scored token. */
  logProbabilities: Float64Array;
  /** The ∞-gram suffix length behind each scored token. */
  suffixLengths: Int32Array;
}

/**
 * Smoothed ∞-gram log-likelihood of tokens[from, n), each token given all tokens before it:
 *   p(w | c) = (1 - epsilon) * P∞(w | c) + epsilon * (cnt(w) + 1) / (N + V)
 * where P∞(w | c) = cnt(s w) / cnt(s) for the longest suffix s of c that occurs (InfiniGram).
 * The add-one unigram is never 0, so removing the only contribution that predicted a token lowers
 * the likelihood by a finite amount. Over the V ids and END, p sums to 1: END gets
 * (1 - epsilon) * P∞(END | c) and no smoothing (on an empty corpus p is the add-one unigram alone).
 * With `endsDocument`, log p(END | tokens) is added to the total (not to logProbabilities).
 */
export function scoreInfiniGram(
  counts: NgramCounts,
  tokens: ArrayLike<number>,
  options: ScoreOptions,
): SequenceScore {
  const { vocabularySize, epsilon = 0.01, from = 0 } = options;
  if (!(Number.isInteger(vocabularySize) && vocabularySize >= 1)) {
    throw badInput('vocabularySize must be a positive integer.', { vocabularySize });
  }
  if (!(epsilon > 0 && epsilon <= 1)) throw badInput('epsilon must be in (0, 1].', { epsilon });
  if (!(Number.isInteger(from) && from >= 0 && from <= tokens.length)) {
    throw badInput('from must be a position in the sequence.', { from, length: tokens.length });
  }
  const n = tokens.length - from;
  const logProbabilities = new Float64Array(n);
  const suffixLengths = new Int32Array(n);
  const denominator = counts.tokenCount + vocabularySize;
  let logLikelihood = 0;
  let suffix = from;
  const longest = (j: number) =>
    // The suffix that predicts tokens[j] is at most one longer than the one that predicted j - 1.
    longestValidLength(Math.min(suffix + 1, j), (length) => counts.count(tokens, j - length, j) > 0);
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j];
    if (!(Number.isInteger(token) && token >= 1 && token <= vocabularySize)) {
      throw badInput('Scored tokens must be ids from 1 to vocabularySize.', { position: j, token });
    }
    suffix = longest(j);
    const unigram = (counts.count(tokens, j, j + 1) + 1) / denominator;
    const context = counts.count(tokens, j - suffix, j);
    const p =
      context > 0
        ? (1 - epsilon) * (counts.count(tokens, j - suffix, j + 1) / context) + epsilon * unigram
        : unigram;
    logProbabilities[j - from] = Math.log(p);
    suffixLengths[j - from] = suffix;
    logLikelihood += logProbabilities[j - from];
  }
  if (options.endsDocument && tokens.length > 0) {
    const j = tokens.length;
    suffix = longest(j);
    const context = counts.count(tokens, j - suffix, j);
    const ends = context - counts.continuationCount(tokens, j - suffix, j);
    // A tiny floor keeps the drop finite when the only document that ended here is removed.
    logLikelihood += Math.log(
      context > 0 ? Math.max((1 - epsilon) * (ends / context), epsilon / denominator) : epsilon / denominator,
    );
  }
  return { logLikelihood, logProbabilities, suffixLengths };
}
