import {
  DEFAULT_PERMUTATIONS,
  DEFAULT_SHINGLE_LENGTH,
  fmix32,
  MAX_PERMUTATIONS,
  PERM_A,
  PERM_B,
} from './minhashParams.ts';

export interface MinhashOptions {
  /** Signature length; defaults to 128. All signatures compared must use the same value. */
  permutations?: number;
  /** Shingle length in UTF-16 code units of the canonical text; defaults to 5. */
  shingleLength?: number;
}

// Canonical code unit for each UTF-16 code unit of the lower-cased text, filled lazily:
// UNKNOWN = not classified yet, DROP = removed, SEPARATOR = word boundary. A table beats a /u regex
// replace (which alone cost as much as the rest of the shingling) and folds in the mappings below.
const UNKNOWN = 0xffff;
const DROP = 0;
const SEPARATOR = 0x20;
const canonicalUnit = new Uint16Array(0x10000).fill(UNKNOWN);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

// Differences that should not hide a near-duplicate: Arabic/Persian short vowels and tatweel
// (decoration), Arabic vs Persian forms of yeh and kaf (keyboard layout), and punctuation,
// ZWNJ/ZWJ and whitespace (all one separator, so "می‌روم" and "می روم" shingle alike).
function classify(unit: number): number {
  if ((unit >= 0x064b && unit <= 0x065f) || unit === 0x0670 || unit === 0x0640) return DROP;
  if (unit === 0x064a || unit === 0x0649) return 0x06cc;
  if (unit === 0x0643) return 0x06a9;
  // Astral characters (rare here) are kept as their two surrogates rather than classified.
  if (unit >= 0xd800 && unit <= 0xdfff) return unit;
  return WORD_CHAR.test(String.fromCharCode(unit)) ? unit : SEPARATOR;
}

// Reused between calls: allocating per item showed up in bench/checks.ts.
let units = new Uint16Array(1024);
let hashes = new Int32Array(1024);

/** Canonical units of `text` into `units`, separators collapsed and trimmed. Returns the count. */
function canonicalUnits(text: string): number {
  const lower = text.toLowerCase();
  if (units.length < lower.length) units = new Uint16Array(lower.length * 2);
  let m = 0;
  let pendingSeparator = false;
  for (let i = 0; i < lower.length; i++) {
    const unit = lower.charCodeAt(i);
    let c = canonicalUnit[unit];
    if (c === UNKNOWN) {
      c = classify(unit);
      canonicalUnit[unit] = c;
    }
    if (c === DROP) continue;
    if (c === SEPARATOR) {
      pendingSeparator = m > 0;
      continue;
    }
    if (pendingSeparator) {
      units[m++] = SEPARATOR;
      pendingSeparator = false;
    }
    units[m++] = c;
  }
  return m;
}

const ROLL_BASE = 0x01000193;

/**
 * Distinct 32-bit hashes of the k-unit shingles of units[0..n), in hashes[0..count). Repeated
 * shingles (refrains, a ghazal's radif) would only repeat work in the permutation loop.
 */
function shingleHashes(n: number, k: number): number {
  if (n === 0) return 0;
  const width = Math.min(k, n);
  const total = n - width + 1;
  if (hashes.length < total) hashes = new Int32Array(total * 2);
  // Polynomial rolling hash mod 2^32: O(1) per shingle whatever k is; fmix32 spreads its bits.
  let outFactor = 1;
  for (let j = 1; j < width; j++) outFactor = Math.imul(outFactor, ROLL_BASE);
  let h = 0;
  for (let j = 0; j < width; j++) h = (Math.imul(h, ROLL_BASE) + units[j]) | 0;
  hashes[0] = fmix32(h);
  for (let s = 1; s < total; s++) {
    h = (Math.imul((h - Math.imul(units[s - 1], outFactor)) | 0, ROLL_BASE) + units[s + width - 1]) | 0;
    hashes[s] = fmix32(h);
  }
  return dedupe(total);
}

// Open-addressing set for dedupe(); `stamp` marks the slots used by the current call, so the
// table is never cleared. (Sorting the hashes instead cost more than the duplicates it saved.)
let slots = new Int32Array(2048);
let stamp = new Uint32Array(2048);
let generation = 0;

/** Moves the distinct values of hashes[0..total) to the front; returns how many there are. */
function dedupe(total: number): number {
  let size = slots.length;
  if (size < total * 2) {
    while (size < total * 2) size *= 2;
    slots = new Int32Array(size);
    stamp = new Uint32Array(size);
    generation = 0;
  }
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    stamp.fill(0);
    generation = 1;
  }
  const mask = size - 1;
  let count = 0;
  for (let i = 0; i < total; i++) {
    const x = hashes[i];
    let slot = x & mask;
    for (;;) {
      if (stamp[slot] !== generation) {
        stamp[slot] = generation;
        slots[slot] = x;
        hashes[count++] = x;
        break;
      }
      if (slots[slot] === x) break;
      slot = (slot + 1) & mask;
    }
  }
  return count;
}

/**
 * MinHash signature of a normalised text: for each of `permutations` hash permutations, the
 * minimum over the text's character shingles. The share of equal positions between two
 * signatures estimates the Jaccard similarity of their shingle sets (see estimateSimilarity).
 *
 * Shingles are taken over a case-folded, punctuation-free, whitespace-collapsed form, character
 * based so it needs no word segmentation and works the same for Persian and English. A text
 * shorter than one shingle is a single shingle; an empty one gives all 0xFFFFFFFF (the empty set),
 * which is similar only to other empty texts.
 */
export function minhashSignature(normalized: string, opts: MinhashOptions = {}): Uint32Array {
  const permutations = opts.permutations ?? DEFAULT_PERMUTATIONS;
  const k = opts.shingleLength ?? DEFAULT_SHINGLE_LENGTH;
  if (!Number.isInteger(permutations) || permutations < 1 || permutations > MAX_PERMUTATIONS) {
    throw new RangeError(`permutations must be an integer in 1..${MAX_PERMUTATIONS}`);
  }
  if (!Number.isInteger(k) || k < 1) throw new RangeError('shingleLength must be a positive integer');

  const count = shingleHashes(canonicalUnits(normalized), k);
  // Two permutations per pass over the shingles: half the loads and more instruction-level
  // parallelism, about 30% faster than one at a time. An odd count computes one extra and drops it.
  const even = permutations + (permutations & 1);
  const sig = new Uint32Array(even).fill(0xffffffff);
  if (count === 0) return even === permutations ? sig : sig.slice(0, permutations);
  // A local binding: reading the module-level `let` inside the hot loop was measurably slower.
  const shingles = hashes;
  for (let p = 0; p < even; p += 2) {
    const a1 = PERM_A[p];
    const b1 = PERM_B[p];
    const a2 = PERM_A[p + 1];
    const b2 = PERM_B[p + 1];
    // Minima are tracked as int32 with the top bit flipped, which orders like the uint32 values
    // but stays a small integer for the JIT (uint32 above 2^31 would be boxed as doubles).
    let min1 = 0x7fffffff;
    let min2 = 0x7fffffff;
    for (let i = 0; i < count; i++) {
      const x = shingles[i];
      // permute(x) inlined twice; see minhashParams.ts.
      let h = Math.imul(x ^ b1, a1);
      h ^= h >>> 16;
      h = Math.imul(h, 0x7feb352d);
      h = (h ^ (h >>> 15) ^ 0x80000000) | 0;
      if (h < min1) min1 = h;
      let g = Math.imul(x ^ b2, a2);
      g ^= g >>> 16;
      g = Math.imul(g, 0x7feb352d);
      g = (g ^ (g >>> 15) ^ 0x80000000) | 0;
      if (g < min2) min2 = g;
    }
    sig[p] = (min1 ^ 0x80000000) >>> 0;
    sig[p + 1] = (min2 ^ 0x80000000) >>> 0;
  }
  return even === permutations ? sig : sig.slice(0, permutations);
}
