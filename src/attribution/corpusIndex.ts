/**
 * A suffix array over all contributions' tokens, each document followed by its own separator.
 *
 * Layout: `text` holds token ids in [1, tokenLimit) and, after document d, the separator
 * tokenLimit + d. Separators are unique and larger than every token, so no match crosses a
 * document, suffixes that start with a separator sort after all others, and within any range the
 * occurrences followed by a separator (no continuation) come last. Query tokens outside
 * [1, tokenLimit) match nothing.
 *
 * Ranges are half-open suffix-array intervals [lo, hi) of the suffixes that start with a pattern.
 */
export interface SuffixMatch {
  /** Tokens matched: the longest suffix of the query found in the corpus. */
  length: number;
  lo: number;
  hi: number;
}

export interface ContributionCount {
  contributionId: string;
  occurrences: number;
}

export class CorpusIndex {
  constructor(
    readonly text: Int32Array,
    readonly suffixArray: Int32Array,
    /** Start of each document in `text`, ascending. */
    readonly documentStarts: Int32Array,
    /** Index into `contributionIds` for each document (a contribution may span documents). */
    readonly documentContributions: Int32Array,
    readonly contributionIds: readonly string[],
    /** One more than the largest token id the index can hold. */
    readonly tokenLimit: number,
  ) {}

  /**
   * The end-of-document token as the ∞-gram and attribution see it: every separator reads as this
   * one id (the first separator's), which is never a real token and never matches one.
   */
  get endToken(): number {
    return this.tokenLimit;
  }

  get documentCount(): number {
    return this.documentStarts.length;
  }

  /** Tokens in the corpus, separators excluded. */
  get tokenCount(): number {
    return this.text.length - this.documentStarts.length;
  }

  /** First i in [lo, hi) whose suffix has a symbol >= `symbol` at `depth` (all share the first `depth`). */
  lowerBound(lo: number, hi: number, depth: number, symbol: number): number {
    const { text, suffixArray } = this;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (text[suffixArray[mid] + depth] < symbol) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * End of the run of suffixes from `from` (which has `symbol` at `depth`) that share that symbol,
   * found by galloping so a short run costs O(log run) rather than O(log range).
   */
  runEnd(from: number, hi: number, depth: number, symbol: number): number {
    const { text, suffixArray } = this;
    let bound = 1;
    while (from + bound < hi && text[suffixArray[from + bound] + depth] === symbol) bound *= 2;
    return this.lowerBound(from + (bound >>> 1) + 1, Math.min(from + bound, hi), depth, symbol + 1);
  }

  /** Narrows [lo, hi), the range of a `depth`-token pattern, to the suffixes continuing with `token`. */
  extend(lo: number, hi: number, depth: number, token: number): { lo: number; hi: number } | null {
    // Ids at or above tokenLimit would otherwise match separators.
    if (!(token >= 1 && token < this.tokenLimit)) return null;
    const start = this.lowerBound(lo, hi, depth, token);
    const end = this.lowerBound(start, hi, depth, token + 1);
    return start < end ? { lo: start, hi: end } : null;
  }

  /** The range of suffixes that start with a real token: every occurrence of the empty pattern. */
  fullRange(): { lo: number; hi: number } {
    return { lo: 0, hi: this.tokenCount };
  }

  /** SA range of tokens[start, end), or null when it does not occur. */
  find(tokens: ArrayLike<number>, start = 0, end = tokens.length): { lo: number; hi: number } | null {
    let range: { lo: number; hi: number } | null = this.fullRange();
    for (let i = start; i < end && range; i++) range = this.extend(range.lo, range.hi, i - start, tokens[i]);
    return range;
  }

  /** Occurrences of tokens[start, end) in the corpus (the empty pattern occurs tokenCount times). */
  count(tokens: ArrayLike<number>, start = 0, end = tokens.length): number {
    const range = this.find(tokens, start, end);
    return range ? range.hi - range.lo : 0;
  }

  /** End of the part of [lo, hi) (a `depth`-token pattern) followed by a token, not a separator. */
  continuationEnd(lo: number, hi: number, depth: number): number {
    return this.lowerBound(lo, hi, depth, this.tokenLimit);
  }

  /** Occurrences of tokens[start, end) that are followed by another token of the same document. */
  continuationCount(tokens: ArrayLike<number>, start = 0, end = tokens.length): number {
    const range = this.find(tokens, start, end);
    return range ? this.continuationEnd(range.lo, range.hi, end - start) - range.lo : 0;
  }

  /**
   * The longest suffix of `context` that occurs in the corpus (with `withContinuation`, that occurs
   * followed by another token). Occurrence is monotone in the suffix length, so this gallops then
   * binary-searches over lengths; a length that fails usually fails within its first few tokens.
   */
  longestSuffixMatch(context: ArrayLike<number>, options: { withContinuation?: boolean } = {}): SuffixMatch {
    const n = context.length;
    const probe = (length: number): { lo: number; hi: number } | null => {
      const range = this.find(context, n - length, n);
      if (!range || !options.withContinuation) return range;
      const end = this.continuationEnd(range.lo, range.hi, length);
      return end > range.lo ? { lo: range.lo, hi: end } : null;
    };
    let best = probe(0) ?? { lo: 0, hi: 0 };
    let good = 0;
    let bad = n + 1;
    for (let length = 1; length <= n; length *= 2) {
      const range = probe(length);
      if (!range) {
        bad = length;
        break;
      }
      good = length;
      best = range;
    }
    while (bad - good > 1) {
      const mid = (good + bad) >>> 1;
      const range = probe(mid);
      if (range) {
        good = mid;
        best = range;
      } else {
        bad = mid;
      }
    }
    return { length: good, lo: best.lo, hi: best.hi };
  }

  /** Index of the document holding text position `position`. */
  documentAt(position: number): number {
    const starts = this.documentStarts;
    let lo = 0;
    let hi = starts.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= position) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Tokens of document d (a view into `text`, separator excluded). */
  documentTokens(d: number): Int32Array {
    const end = d + 1 < this.documentStarts.length ? this.documentStarts[d + 1] : this.text.length;
    return this.text.subarray(this.documentStarts[d], end - 1);
  }

  /** Adds, per contribution index, the occurrences in suffix-array range [lo, hi) to `into`. */
  tallyContributions(lo: number, hi: number, into: Map<number, number>): void {
    for (let i = lo; i < hi; i++) {
      const contribution = this.documentContributions[this.documentAt(this.suffixArray[i])];
      into.set(contribution, (into.get(contribution) ?? 0) + 1);
    }
  }

  /** Contributions of the occurrences in [lo, hi), most occurrences first, then by id. */
  contributionsInRange(lo: number, hi: number): ContributionCount[] {
    const tally = new Map<number, number>();
    this.tallyContributions(lo, hi, tally);
    return this.nameContributions(tally);
  }

  /** A tally by contribution index as named counts, most occurrences first, then by id. */
  nameContributions(tally: ReadonlyMap<number, number>): ContributionCount[] {
    return [...tally]
      .map(([index, occurrences]) => ({ contributionId: this.contributionIds[index], occurrences }))
      .sort((a, b) => b.occurrences - a.occurrences || compareStrings(a.contributionId, b.contributionId));
  }
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
