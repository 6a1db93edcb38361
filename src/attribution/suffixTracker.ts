import type { CorpusIndex } from './corpusIndex.ts';
import { longestValidLength } from './longestValidLength.ts';

/**
 * Follows the longest suffix of a growing token sequence that occurs in the corpus (with
 * `withContinuation`, that occurs followed by another token of the same document), with its
 * suffix-array range. After a push the new suffix is at most one token longer, so the usual step
 * is a single range narrowing; when the match breaks, the new length is found by galloping down
 * and binary search, since occurrence is monotone in the suffix length (probes at lengths that fail leave
 * the state alone; each success adopts its range, and the last success is the answer).
 */
export class SuffixTracker {
  length = 0;
  lo = 0;
  hi = 0;

  constructor(
    private readonly index: CorpusIndex,
    private readonly withContinuation: boolean,
  ) {
    this.reset();
  }

  /** Back to the empty suffix, whose range is every suffix starting with a token. */
  reset(): void {
    this.length = 0;
    this.lo = 0;
    this.hi = this.index.tokenCount;
  }

  /** Updates the match after `sequence[end - 1]` was appended to `sequence[0, end - 1)`. */
  push(sequence: ArrayLike<number>, end: number): void {
    const token = sequence[end - 1];
    if (this.tryExtend(token)) return;
    if (!this.index.extend(0, this.index.tokenCount, 0, token)) {
      this.reset();
      return;
    }
    // Extending failed, so at most the current length (ending at the new token) can match.
    const good = longestValidLength(this.length, (length) => this.probe(sequence, end, length));
    // A successful probe already adopted `good`; only the empty suffix is left to set.
    if (good === 0) this.reset();
  }

  private tryExtend(token: number): boolean {
    const range = this.index.extend(this.lo, this.hi, this.length, token);
    if (!range) return false;
    const hi = this.withContinuation
      ? this.index.continuationEnd(range.lo, range.hi, this.length + 1)
      : range.hi;
    if (hi <= range.lo) return false;
    this.length++;
    this.lo = range.lo;
    this.hi = hi;
    return true;
  }

  /** Tests the suffix of `length` tokens ending at `end`, adopting it when it qualifies. */
  private probe(sequence: ArrayLike<number>, end: number, length: number): boolean {
    const range = this.index.find(sequence, end - length, end);
    if (!range) return false;
    const hi = this.withContinuation ? this.index.continuationEnd(range.lo, range.hi, length) : range.hi;
    if (hi <= range.lo) return false;
    this.length = length;
    this.lo = range.lo;
    this.hi = hi;
    return true;
  }
}
