/**
 * Shared MinHash constants. Signatures and band keys are stored in the database and compared with
 * ones computed later, so anything here (seed, coefficient generator, shingle canonicalisation in
 * minhashSignature.ts) is part of the stored format: changing it makes old rows silently
 * incomparable. Change them only together with a re-index of stored signatures.
 */

/** 128 permutations: the similarity shown to validators has a standard error of about
 * sqrt(J(1-J)/128), i.e. ±0.035 around J = 0.8, and 25 bands of 5 rows fit in it. */
export const DEFAULT_PERMUTATIONS = 128;

/** Character 5-grams: long enough that unrelated texts in one language share few of them (common
 * words are 2–5 letters), short enough that an edited word only disturbs five shingles. */
export const DEFAULT_SHINGLE_LENGTH = 5;

/** Upper bound on permutations, so the coefficient tables can be built once. */
export const MAX_PERMUTATIONS = 1024;

const SEED = 0x9e3779b9;

/** Murmur3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// splitmix32-style stream: deterministic, so every process derives the same permutations.
function coefficientStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
}

const next = coefficientStream(SEED);

/**
 * Permutation i maps a shingle hash x to mix(a_i * (x xor b_i) mod 2^32), where mix is the first
 * half of the "lowbias32" integer hash (xorshift, multiply, xorshift). With a_i odd every step is a
 * bijection on uint32, so each h_i is a true permutation of the hash space, and the mix
 * decorrelates permutations that a bare multiply would leave related through its weak low bits.
 * Math.imul keeps every step in exact 32-bit arithmetic: no floating point, no BigInt. A full
 * murmur finaliser per permutation measured ~35% slower for no visible gain in accuracy. The
 * computation is inlined in minhashSignature.ts.
 */
export const PERM_A = new Int32Array(MAX_PERMUTATIONS);
export const PERM_B = new Int32Array(MAX_PERMUTATIONS);
for (let i = 0; i < MAX_PERMUTATIONS; i++) {
  PERM_A[i] = next() | 1;
  PERM_B[i] = next();
}
