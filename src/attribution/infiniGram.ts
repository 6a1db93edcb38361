import { badInput } from '../errors.ts';
import type { CorpusIndex } from './corpusIndex.ts';
import { mixDense, neuralShare, neuralTotal, sampleNeural } from './externalMixture.ts';
import { checkSamplingOptions, type SamplingOptions, sampleIndex } from './sampleIndex.ts';
import { seededRandom } from './seededRandom.ts';
import { SuffixTracker } from './suffixTracker.ts';

const CACHE_MIN_RANGE = 4096;
const CACHE_MAX_ENTRIES = 4_000_000;

/** Counts of the tokens that follow the context's longest suffix that occurs in the corpus. */
export interface NextTokenDistribution {
  /** Tokens of context used: the ∞-gram's n is suffixLength + 1. */
  suffixLength: number;
  /** Distinct next tokens, ascending; the last may be the index's endToken (occurrences that end a document). */
  tokens: Int32Array;
  counts: Int32Array;
  /** Sum of counts; 0 only for an empty corpus. */
  total: number;
}

/** A neural model's next-token probabilities, indexed by token id (index 0 unused). */
export type ExternalDistribution = (context: Uint32Array) => Promise<Float32Array> | Float32Array;

export interface GenerateOptions extends SamplingOptions {
  maxTokens: number;
  /** Generation stops before emitting any of these. */
  stopTokens?: readonly number[];
  /**
   * Without an external model, stop ('no_context') rather than sample while the context's longest
   * match is shorter than this: at 0 the ∞-gram is the unigram, and a walk from there follows
   * nothing anyone wrote (default 0).
   */
  minContext?: number;
  seed?: number;
  /** Mixes p = lambda * external + (1 - lambda) * ∞-gram before temperature and top-k. */
  external?: { distribution: ExternalDistribution; lambda: number };
}

/** The ∞-gram state a step sampled from: the suffix length and its suffix-array range. */
export interface SampledState {
  suffixLength: number;
  lo: number;
  hi: number;
}

export interface GenerateResult {
  tokens: Uint32Array;
  /** The ∞-gram suffix length behind each generated token. */
  suffixLengths: Int32Array;
  /** One per sampling step: each token's, then the one that stopped, if any (for fallback credit). */
  states: SampledState[];
  stopReason: 'max_tokens' | 'stop_token' | 'no_continuation' | 'end_of_document' | 'no_context';
}

/**
 * The ∞-gram model (Liu et al. 2024): P(w | context) = cnt(s w) / cnt(s), where s is the longest
 * suffix of the context that occurs in the corpus, backing off to the unigram when none does. The
 * separator after every document is its end-of-document token: an occurrence of s that ends a
 * document predicts END (the index's endToken), and generation stops there, where the text it
 * follows ends. Since every sampled token continues an occurrence of s, the match only grows
 * while generating, so an answer never wanders from one contribution into another.
 */
export class InfiniGram {
  private readonly cache = new Map<string, NextTokenDistribution>();
  private cachedEntries = 0;
  /** Dense mixing buffer, reused across tokens; filled and read within one synchronous step. */
  private scratch: Float64Array = new Float64Array(0);

  constructor(readonly index: CorpusIndex) {}

  nextTokenDistribution(context: ArrayLike<number>): NextTokenDistribution {
    const match = this.index.longestSuffixMatch(context);
    return this.distributionOf(match.length, match.lo, match.hi);
  }

  /** P(token | context); `token` may be the index's endToken. */
  probability(context: ArrayLike<number>, token: number): number {
    const match = this.index.longestSuffixMatch(context);
    if (match.hi <= match.lo) return 0;
    if (token === this.index.endToken) {
      return (
        (match.hi - this.index.continuationEnd(match.lo, match.hi, match.length)) / (match.hi - match.lo)
      );
    }
    const range = this.index.extend(match.lo, match.hi, match.length, token);
    return range ? (range.hi - range.lo) / (match.hi - match.lo) : 0;
  }

  /**
   * Groups [lo, hi) by the token at `depth`; each group is one run of the sorted suffixes. Short
   * contexts have huge ranges with thousands of distinct continuations and recur constantly, so
   * distributions of large ranges are cached (bounded by total entries, oldest dropped first).
   */
  private distributionOf(depth: number, lo: number, hi: number): NextTokenDistribution {
    const key = hi - lo >= CACHE_MIN_RANGE ? `${depth}:${lo}:${hi}` : null;
    const cached = key === null ? undefined : this.cache.get(key);
    if (cached) return cached;
    const { index } = this;
    const tokens: number[] = [];
    const counts: number[] = [];
    // Separators sort last and are all one END token to the model.
    const ending = index.continuationEnd(lo, hi, depth);
    for (let i = lo; i < ending; ) {
      const token = index.text[index.suffixArray[i] + depth];
      const end = index.runEnd(i, ending, depth, token);
      tokens.push(token);
      counts.push(end - i);
      i = end;
    }
    if (ending < hi) {
      tokens.push(index.endToken);
      counts.push(hi - ending);
    }
    const distribution = {
      suffixLength: depth,
      tokens: Int32Array.from(tokens),
      counts: Int32Array.from(counts),
      total: hi - lo,
    };
    if (key !== null) {
      this.cache.set(key, distribution);
      this.cachedEntries += tokens.length;
      for (const [oldKey, old] of this.cache) {
        if (this.cachedEntries <= CACHE_MAX_ENTRIES) break;
        this.cache.delete(oldKey);
        this.cachedEntries -= old.tokens.length;
      }
    }
    return distribution;
  }

  async generate(prompt: ArrayLike<number>, options: GenerateOptions): Promise<GenerateResult> {
    const { maxTokens, seed = 0, external } = options;
    if (!(Number.isInteger(maxTokens) && maxTokens >= 0 && maxTokens <= 1_000_000)) {
      throw badInput('maxTokens must be an integer from 0 to 1,000,000.', { maxTokens });
    }
    checkSamplingOptions(options);
    if (external && !(external.lambda >= 0 && external.lambda <= 1)) {
      throw badInput('lambda must be between 0 and 1.', { lambda: external.lambda });
    }
    const sequence = new Uint32Array(prompt.length + maxTokens);
    for (let i = 0; i < prompt.length; i++) {
      const token = prompt[i];
      if (!(Number.isInteger(token) && token >= 0 && token <= 0xffffffff)) {
        throw badInput('Prompt tokens must be non-negative integer ids.', { position: i, token });
      }
      sequence[i] = token;
    }
    const tracker = new SuffixTracker(this.index, false);
    const minContext = options.minContext ?? 0;
    for (let end = 1; end <= prompt.length; end++) tracker.push(sequence, end);
    const random = seededRandom(seed);
    const stop = new Set(options.stopTokens ?? []);
    const suffixLengths = new Int32Array(maxTokens);
    const states: SampledState[] = [];
    let end = prompt.length;
    let stopReason: GenerateResult['stopReason'] = 'max_tokens';
    for (let step = 0; step < maxTokens; step++) {
      states.push({ suffixLength: tracker.length, lo: tracker.lo, hi: tracker.hi });
      if (!external && tracker.length < minContext && tracker.hi > tracker.lo) {
        stopReason = 'no_context';
        break;
      }
      const neural = external ? await external.distribution(sequence.subarray(0, end)) : null;
      const token = this.sample(tracker, neural, options, random);
      if (token < 0) {
        stopReason = 'no_continuation';
        break;
      }
      if (token >= this.index.endToken) {
        stopReason = 'end_of_document';
        break;
      }
      if (stop.has(token)) {
        stopReason = 'stop_token';
        break;
      }
      suffixLengths[end - prompt.length] = tracker.length;
      sequence[end++] = token;
      tracker.push(sequence, end);
    }
    return {
      tokens: sequence.slice(prompt.length, end),
      suffixLengths: suffixLengths.slice(0, end - prompt.length),
      states,
      stopReason,
    };
  }

  /** One next token for the tracker's suffix, mixed with `neural` when given; -1 when none; a separator id is END. */
  private sample(
    tracker: SuffixTracker,
    neural: Float32Array | null,
    options: GenerateOptions,
    random: () => number,
  ): number {
    const plain = (options.temperature ?? 1) === 1 && (options.topK ?? 0) === 0;
    const available = tracker.hi > tracker.lo;
    const total = neural ? neuralTotal(neural) : 0;
    const share = neural ? neuralShare(options.external?.lambda ?? 0, total, available) : 0;
    if (plain) {
      // Sampling a mixture is sampling a side by its weight, then within it; within the ∞-gram,
      // every occurrence is equally likely, so a uniform pick samples P∞ with no counting.
      if (neural && (share === 1 || (share > 0 && random() < share))) {
        return total > 0 ? sampleNeural(neural, total, random) : -1;
      }
      if (!available) return -1;
      const at = tracker.lo + Math.floor(random() * (tracker.hi - tracker.lo));
      return this.index.text[this.index.suffixArray[at] + tracker.length];
    }
    const infinite = available ? this.distributionOf(tracker.length, tracker.lo, tracker.hi) : null;
    if (neural) {
      this.scratch = mixDense(neural, total, share, infinite, this.index.endToken + 1, this.scratch);
      return sampleIndex(this.scratch, options, random);
    }
    if (!infinite) return -1;
    return infinite.tokens[sampleIndex(Float64Array.from(infinite.counts), options, random)] ?? -1;
  }
}
