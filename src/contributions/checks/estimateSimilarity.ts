/**
 * Estimated Jaccard similarity of the shingle sets behind two MinHash signatures: the share of
 * positions where they agree. Unbiased, with a standard error of sqrt(J(1-J)/n) for n positions
 * (±0.035 at J = 0.8 with the default 128). Signatures must come from the same options.
 */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) {
    throw new RangeError(`signatures differ in length (${a.length} vs ${b.length}) or are empty`);
  }
  let equal = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) equal++;
  }
  return equal / a.length;
}
