import { addDotRows } from './denseOps.ts';

/**
 * Causal grouped-query attention of rotated queries q [N, heads·d] (rows from…T−1) over keys and
 * values k, v [T, kvHeads·d] (query head h reads KV head h / (heads / kvHeads), as llamaForward
 * does), one head at a time in head-major copies so that every product is an addDotRows (SIMD):
 * rows are padded to a multiple of 4 with zeros where they are the summed dimension. Returns the
 * output [N, heads·d] and the backward pass.
 */
export function causalAttention(
  q: Float32Array,
  k: Float32Array,
  v: Float32Array,
  shape: { rows: number; from: number; heads: number; kvHeads: number; headDim: number },
) {
  const { rows: T, from, heads: H, kvHeads: KV, headDim: hd } = shape;
  const N = T - from;
  const Tp = Math.ceil(T / 4) * 4;
  const Np = Math.ceil(N / 4) * 4;
  const group = H / KV;
  const norm = 1 / Math.sqrt(hd);
  const kRows = Array.from({ length: KV }, (_, g) => headRows(k, g, KV, hd, T));
  const vRows = Array.from({ length: KV }, (_, g) => headRows(v, g, KV, hd, T));
  const vCols = Array.from({ length: KV }, (_, g) => headColumns(v, g, KV, hd, T, Tp));
  const qRows = Array.from({ length: H }, (_, h) => headRows(q, h, H, hd, N));
  const probs: Float32Array[] = [];
  const out = new Float32Array(N * H * hd);
  for (let h = 0; h < H; h++) {
    const g = Math.floor(h / group);
    const scores = new Float32Array(N * T);
    addDotRows(scores, qRows[h], N, hd, kRows[g], T, norm);
    const p = new Float32Array(N * Tp);
    for (let t = 0; t < N; t++) {
      const last = from + t;
      let max = -Infinity;
      for (let s = 0; s <= last; s++) if (scores[t * T + s] > max) max = scores[t * T + s];
      let sum = 0;
      for (let s = 0; s <= last; s++) sum += p[t * Tp + s] = Math.exp(scores[t * T + s] - max);
      for (let s = 0; s <= last; s++) p[t * Tp + s] /= sum;
    }
    probs.push(p);
    const o = new Float32Array(N * hd);
    addDotRows(o, p, N, Tp, vCols[g], hd);
    scatterHead(out, o, h, H, hd, N);
  }

  /** ∂L/∂q [N, …], ∂L/∂k and ∂L/∂v [T, …] (rotated q and k) from ∂L/∂out [N, …]. */
  const backward = (dout: Float32Array) => {
    const dq = new Float32Array(q.length);
    const dk = new Float32Array(k.length);
    const dv = new Float32Array(v.length);
    const kCols = Array.from({ length: KV }, (_, g) => headColumns(k, g, KV, hd, T, Tp));
    const dkHead = Array.from({ length: KV }, () => new Float32Array(T * hd));
    const dvHead = Array.from({ length: KV }, () => new Float32Array(T * hd));
    for (let h = 0; h < H; h++) {
      const g = Math.floor(h / group);
      const p = probs[h];
      const dRows = headRows(dout, h, H, hd, N);
      const dp = new Float32Array(N * T);
      addDotRows(dp, dRows, N, hd, vRows[g], T);
      const ds = new Float32Array(N * Tp);
      for (let t = 0; t < N; t++) {
        const last = from + t;
        let dot = 0;
        for (let s = 0; s <= last; s++) dot += p[t * Tp + s] * dp[t * T + s];
        for (let s = 0; s <= last; s++) ds[t * Tp + s] = p[t * Tp + s] * (dp[t * T + s] - dot) * norm;
      }
      const dqHead = new Float32Array(N * hd);
      addDotRows(dqHead, ds, N, Tp, kCols[g], hd);
      scatterHead(dq, dqHead, h, H, hd, N);
      // dk = dsᵀ · q and dv = pᵀ · dout: the transposes padded along the summed (query) axis.
      const qCols = headColumns(q, h, H, hd, N, Np);
      addDotRows(dkHead[g], paddedTranspose(ds, N, T, Tp, Np), T, Np, qCols, hd);
      addDotRows(dvHead[g], paddedTranspose(p, N, T, Tp, Np), T, Np, headColumns(dout, h, H, hd, N, Np), hd);
    }
    for (let g = 0; g < KV; g++) {
      scatterHead(dk, dkHead[g], g, KV, hd, T);
      scatterHead(dv, dvHead[g], g, KV, hd, T);
    }
    return { dq, dk, dv };
  };
  return { out, backward };
}

/** Head h of x [T, heads·d] as [T][d]. */
function headRows(x: Float32Array, h: number, heads: number, hd: number, T: number) {
  const out = new Float32Array(T * hd);
  for (let t = 0; t < T; t++) out.set(x.subarray((t * heads + h) * hd, (t * heads + h + 1) * hd), t * hd);
  return out;
}

/** Head h of x [T, heads·d] as [d][Tp], zero beyond T. */
function headColumns(x: Float32Array, h: number, heads: number, hd: number, T: number, Tp: number) {
  const out = new Float32Array(hd * Tp);
  for (let t = 0; t < T; t++) for (let i = 0; i < hd; i++) out[i * Tp + t] = x[(t * heads + h) * hd + i];
  return out;
}

/** Adds a head's [T][d] rows into x [T, heads·d]. */
function scatterHead(x: Float32Array, rows: Float32Array, h: number, heads: number, hd: number, T: number) {
  for (let t = 0; t < T; t++) for (let i = 0; i < hd; i++) x[(t * heads + h) * hd + i] += rows[t * hd + i];
}

/** m [N][Tp] (its first T columns used) → mᵀ as [T][Np], zero beyond N. */
function paddedTranspose(m: Float32Array, N: number, T: number, Tp: number, Np: number) {
  const out = new Float32Array(T * Np);
  for (let t = 0; t < N; t++) for (let s = 0; s < T; s++) out[s * Np + t] = m[t * Tp + s];
  return out;
}
