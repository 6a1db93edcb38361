/**
 * SA-IS's induction passes and the read-ahead that feeds them, for buildSuffixArray.
 *
 * Profiled at 10M Zipf tokens (vocabulary 50k): the text (20 MB as 16-bit symbols) and the result
 * (40 MB) exceed the 32 MB L3, so the passes wait on random reads of t[sa[i] - 1] (1M tokens, which
 * fit, build 2.7x faster per token). In the plain loop each such read feeds a data-dependent branch
 * (is the predecessor L or S?) whose mispredictions discard the reads issued behind it, so few
 * misses overlap. Each block of READ_AHEAD entries is first walked by a branch-free loop that only
 * loads the symbols it will need, letting the core keep many misses in flight; the real pass then
 * finds them in cache. Entries a pass writes into the block after that loop are simply read late.
 */
export type Symbols = Int32Array | Uint16Array;

/** Entries per read-ahead block: 256 random lines (16 KB) stay within L1/L2 until used. */
export const READ_AHEAD = 256;

// Loads whose value is never used could be dropped by the compiler; folding them into a
// module-level value keeps them.
let _readSink = 0;

/** Loads t[sa[i] + offset] for i in [from, to); negative indices clamp to 0 (x >> 31 is -1 when x < 0). */
export function readAhead(t: Symbols, sa: Int32Array, from: number, to: number, offset: number): void {
  let x = 0;
  for (let i = from; i < to; i++) {
    const j = sa[i] + offset;
    x ^= t[j & ~(j >> 31)];
  }
  _readSink ^= x;
}

export function bucketEnds(counts: Int32Array, buckets: Int32Array, k: number): void {
  let sum = 0;
  for (let c = 0; c < k; c++) {
    sum += counts[c];
    buckets[c] = sum;
  }
}

function bucketStarts(counts: Int32Array, buckets: Int32Array, k: number): void {
  let sum = 0;
  for (let c = 0; c < k; c++) {
    buckets[c] = sum;
    sum += counts[c];
  }
}

/**
 * Induces L suffixes left to right from the LMS suffixes in sa. Types come from symbols, saving a
 * random read of a type array per suffix: sa holds only L and LMS suffixes here, and the
 * predecessor of either is L exactly when its symbol is >= theirs. Leaves in lEnds where each
 * bucket's L part ends.
 */
export function induceL(
  t: Symbols,
  sa: Int32Array,
  counts: Int32Array,
  buckets: Int32Array,
  lEnds: Int32Array,
  n: number,
  k: number,
): void {
  bucketStarts(counts, buckets, k);
  // The sentinel suffix comes first; its predecessor n-1 is always L.
  sa[buckets[t[n - 1]]++] = n - 1;
  for (let from = 0; from < n; from += READ_AHEAD) {
    const to = Math.min(from + READ_AHEAD, n);
    readAhead(t, sa, from, to, -1);
    for (let i = from; i < to; i++) {
      const j = sa[i];
      if (j > 0) {
        const c = t[j - 1];
        if (c >= t[j]) sa[buckets[c]++] = j - 1;
      }
    }
  }
  lEnds.set(buckets);
}

/**
 * Induces S suffixes right to left. A suffix at index i of bucket d is S exactly when i is past
 * the bucket's L part. With `markLms`, LMS suffixes are stored complemented (~p, never -1 since
 * p >= 1) so the caller can gather them without reading the text again; complemented entries are
 * skipped here, which is right because an LMS suffix's predecessor is L.
 */
export function induceS(
  t: Symbols,
  sa: Int32Array,
  counts: Int32Array,
  buckets: Int32Array,
  lEnds: Int32Array,
  n: number,
  k: number,
  markLms: boolean,
): void {
  bucketEnds(counts, buckets, k);
  for (let to = n; to > 0; to -= READ_AHEAD) {
    const from = Math.max(to - READ_AHEAD, 0);
    readAhead(t, sa, from, to, -1);
    for (let i = to - 1; i >= from; i--) {
      const j = sa[i];
      if (j > 0) {
        const c = t[j - 1];
        const d = t[j];
        if (c < d || (c === d && i >= lEnds[d])) {
          // j - 1 is S, and LMS when its own predecessor is larger.
          sa[--buckets[c]] = markLms && j > 1 && t[j - 2] > c ? ~(j - 1) : j - 1;
        }
      }
    }
  }
}
