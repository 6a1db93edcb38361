import { addDotRows } from './denseOps.ts';

/** Projection matrices kept up to this many numbers (a 135M shape's top-two-layer q,v: ~4M). */
const CACHED = 1 << 23;
const matrices = new Map<string, Float32Array>();

/**
 * g · R with R the seeded ±1/√d matrix below. R is generated once per (length, d, seed) and kept
 * transposed ([d][length]), so a call is d dot products on the SIMD kernel: regenerating it bit by
 * bit on every call took ~2 ms of a ~5 ms tiny-model gradient.
 */
export function projectGradient(g: Float32Array, d: number, seed: number): Float32Array {
  if (g.length * d > CACHED) return projectStreaming(g, d, seed);
  const key = `${g.length}:${d}:${seed}`;
  let r = matrices.get(key);
  if (!r) {
    r = new Float32Array(d * g.length);
    const len = g.length;
    const scale = 1 / Math.sqrt(d);
    forEachSign(len, d, seed, (j, k, positive) => {
      r![k * len + j] = positive ? scale : -scale;
    });
    if (matrices.size >= 4) matrices.delete(matrices.keys().next().value!);
    matrices.set(key, r);
  }
  const out = new Float32Array(d);
  addDotRows(out, g, 1, g.length, r, d);
  return out;
}

/** The signs of R in generation order (xorshift32, fixed forever: stored features depend on it). */
function forEachSign(
  len: number,
  d: number,
  seed: number,
  visit: (j: number, k: number, positive: boolean) => void,
) {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  for (let j = 0; j < len; j++) {
    for (let k = 0; k < d; k += 32) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      const n = Math.min(32, d - k);
      for (let b = 0; b < n; b++) visit(j, k + b, ((state >>> b) & 1) === 1);
    }
  }
}

/** The same product with R generated row by row and never stored (larger gradients): O(|g| · d). */
function projectStreaming(g: Float32Array, d: number, seed: number): Float32Array {
  const out = new Float64Array(d);
  forEachSign(g.length, d, seed, (j, k, positive) => {
    out[k] += positive ? g[j] : -g[j];
  });
  const scale = 1 / Math.sqrt(d);
  return Float32Array.from(out, (x) => x * scale);
}
