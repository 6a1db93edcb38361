/** Zipf (exponent 1) token streams over a 50k vocabulary, ids 1..VOCABULARY (0 is kept free). */
export const VOCABULARY = 50_000;

export function zipfStream(length: number, random: () => number): Int32Array {
  const cdf = new Float64Array(VOCABULARY);
  let sum = 0;
  for (let r = 0; r < VOCABULARY; r++) cdf[r] = sum += 1 / (r + 1);
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const x = random() * sum;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo + 1;
  }
  return out;
}
