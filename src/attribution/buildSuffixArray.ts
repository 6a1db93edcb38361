import { badInput } from '../errors.ts';
import { bucketEnds, induceL, induceS, READ_AHEAD, readAhead, type Symbols } from './induceSuffixes.ts';
import { sortByPrefixDoubling } from './sortByPrefixDoubling.ts';

/**
 * Suffix array by SA-IS (Nong, Zhang & Chan 2009): linear time, typed arrays only.
 *
 * The text is treated as if it ended with a unique sentinel smaller than every symbol, so callers
 * pass symbols in [0, alphabetSize) and get back the sorted start positions of the n real suffixes
 * (the sentinel suffix is left out); `text` is left as it was. Memory: the result (4n bytes) and
 * three arrays of the alphabet's size; suffix types are recomputed in sequential passes instead of
 * stored, and the reduced problem lives inside the result array. Recursion depth is logarithmic
 * (each level at most halves n).
 */
export function buildSuffixArray(text: Int32Array | Uint32Array, alphabetSize: number): Int32Array {
  const n = text.length;
  if (!Number.isInteger(alphabetSize) || alphabetSize < 1 || alphabetSize > 0x7fffffff) {
    throw badInput('alphabetSize must be a positive integer.', { alphabetSize });
  }
  if (n > 0x3fffffff) throw badInput('Text is too long for a 32-bit suffix array.', { length: n });
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c < 0 || c >= alphabetSize) {
      throw badInput('Text symbol outside the alphabet.', { position: i, symbol: c, alphabetSize });
    }
  }
  const sa = new Int32Array(n);
  if (n === 0) return sa;
  // Uint32 values below 2^31 read the same through an Int32 view, and the check above bounds them.
  const symbols = text instanceof Int32Array ? text : new Int32Array(text.buffer, text.byteOffset, n);
  if (alphabetSize > 0x10000 || symbols.buffer instanceof SharedArrayBuffer) {
    sais(symbols, sa, n, alphabetSize);
    return sa;
  }
  // Profiled at 10M Zipf tokens: the induction passes are bound by random text reads, and 16-bit
  // symbols halve the bytes those reads spread over (about 15% less CPU time). They are packed into
  // the front half of the caller's own buffer rather than a copy (2 bytes/token less at peak) and
  // unpacked before returning; the build is synchronous, so no other code can see the packed form
  // (shared buffers, which another thread could read, take the path above). Packing forwards and
  // unpacking backwards never overwrites a symbol before it is read.
  const packed = new Uint16Array(symbols.buffer, symbols.byteOffset, n);
  for (let i = 0; i < n; i++) packed[i] = symbols[i];
  try {
    sais(packed, sa, n, alphabetSize);
  } finally {
    for (let i = n - 1; i >= 0; i--) symbols[i] = packed[i];
  }
  return sa;
}

const EMPTY = -1;

function sais(t: Symbols, sa: Int32Array, n: number, k: number): void {
  if (n === 1) {
    sa[0] = 0;
    return;
  }
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[t[i]]++;
  const buckets = new Int32Array(k);
  const lEnds = new Int32Array(k);

  // Stage 1: sort the LMS substrings by inducing from LMS positions placed at bucket ends.
  sa.fill(EMPTY);
  bucketEnds(counts, buckets, k);
  // Any order of LMS positions within a bucket will do here.
  for (let i = n - 2, nextIsS = false; i >= 0; i--) {
    const c = t[i];
    const d = t[i + 1];
    const isS: boolean = c < d || (c === d && nextIsS);
    if (nextIsS && !isS) sa[--buckets[d]] = i + 1;
    nextIsS = isS;
  }
  induceL(t, sa, counts, buckets, lEnds, n, k);
  induceS(t, sa, counts, buckets, lEnds, n, k, true);

  // Gather the sorted LMS positions, which the S pass left complemented, at the front.
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = sa[i];
    if (v < -1) sa[m++] = ~v;
  }

  // Lengths of LMS substrings (LMS position to the next, inclusive) go to sa[m + p/2], free
  // because LMS positions are >= 2 apart; names then replace them.
  sa.fill(EMPTY, m, n);
  for (let i = n - 2, nextIsS = false, next = n; i >= 0; i--) {
    const c = t[i];
    const d = t[i + 1];
    const isS: boolean = c < d || (c === d && nextIsS);
    if (nextIsS && !isS) {
      const p = i + 1;
      sa[m + (p >> 1)] = next - p + 1;
      next = p;
    }
    nextIsS = isS;
  }
  let names = 0;
  let previous = -1;
  let previousLength = 0;
  for (let from = 0; from < m; from += READ_AHEAD) {
    const to = Math.min(from + READ_AHEAD, m);
    // Random reads of each substring's first symbols and length slot, issued ahead as in induction.
    readAhead(t, sa, from, to, 0);
    readLengthsAhead(sa, m, from, to);
    for (let i = from; i < to; i++) {
      const p = sa[i];
      const length = sa[m + (p >> 1)];
      // Equal symbols over equal lengths imply equal types, both ending at an S position. The
      // last substring runs into the sentinel (p + length > n) and is unique.
      let same = previous >= 0 && length === previousLength && p + length <= n && previous + length <= n;
      for (let d = 0; same && d < length; d++) same = t[p + d] === t[previous + d];
      if (!same) {
        names++;
        previous = p;
        previousLength = length;
      }
      sa[m + (p >> 1)] = names - 1;
    }
  }
  // Pack the reduced string (names in text order) into the tail of sa.
  for (let i = n - 1, j = n - 1; i >= m; i--) {
    if (sa[i] >= 0) sa[j--] = sa[i];
  }

  // Stage 2: order the LMS suffixes, recursing while names repeat.
  const reduced = sa.subarray(n - m, n);
  const reducedSa = sa.subarray(0, m);
  if (names === m) {
    for (let i = 0; i < m; i++) reducedSa[reduced[i]] = i;
  } else if (names * 2 >= m) {
    // Mostly unique names (natural text): an alphabet nearly as large as the string makes another
    // SA-IS level slow, while doubling only revisits the few tied groups. sa[m, n - m) is free.
    sortByPrefixDoubling(reduced, reducedSa, m, names, sa.subarray(m, n - m));
  } else {
    sais(reduced, reducedSa, m, names);
  }
  // Map reduced ranks back to text positions.
  for (let i = n - 2, nextIsS = false, j = m - 1; i >= 0; i--) {
    const c = t[i];
    const d = t[i + 1];
    const isS: boolean = c < d || (c === d && nextIsS);
    if (nextIsS && !isS) reduced[j--] = i + 1;
    nextIsS = isS;
  }
  for (let i = 0; i < m; i++) reducedSa[i] = reduced[reducedSa[i]];

  // Stage 3: place the sorted LMS suffixes at their bucket ends and induce the rest.
  sa.fill(EMPTY, m, n);
  bucketEnds(counts, buckets, k);
  for (let to = m; to > 0; to -= READ_AHEAD) {
    const from = Math.max(to - READ_AHEAD, 0);
    readAhead(t, sa, from, to, 0);
    for (let i = to - 1; i >= from; i--) {
      const p = sa[i];
      sa[i] = EMPTY;
      sa[--buckets[t[p]]] = p;
    }
  }
  induceL(t, sa, counts, buckets, lEnds, n, k);
  induceS(t, sa, counts, buckets, lEnds, n, k, false);
}

let _lengthSink = 0;

/** Loads the length slots sa[m + p/2] of the LMS positions p in sa[from, to); see readAhead. */
function readLengthsAhead(sa: Int32Array, m: number, from: number, to: number): void {
  let x = 0;
  for (let i = from; i < to; i++) x ^= sa[m + (sa[i] >> 1)];
  _lengthSink ^= x;
}
