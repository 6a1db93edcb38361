import { simdDotRows } from './simdDot.ts';

/**
 * Plain Float32Array kernels for the influence gradient (row-major, [rows][cols]). A Llama block
 * at the sizes influence differentiates is a few hundred small ops; in tfjs each op costs far more
 * in dispatch and tape bookkeeping than in arithmetic (see adapterGradient.ts), here it costs its
 * arithmetic. Loops are ordered so the innermost one walks contiguous memory.
 */

/**
 * out[t][j] += scale · Σ_i a[t][i] · b[j][i] (a · bᵀ); a [rows, k], b [cols, k]. Every product here
 * is put in this form (operands transposed where needed): the sum stays in registers, four
 * accumulators deep, where an axpy form stores to a Float32Array every step (~3× slower in V8), and
 * large ones go to the WebAssembly SIMD kernel (simdDot.ts, ~6× faster than this loop).
 */
export function addDotRows(
  out: Float32Array,
  a: Float32Array,
  rows: number,
  k: number,
  b: Float32Array,
  cols: number,
  scale = 1,
) {
  // SIMD where the operands allow it and the product outweighs copying them in.
  if (k % 4 === 0 && rows * cols * k >= 4096) return simdDotRows(out, a, rows, k, b, cols, scale);
  const k4 = k - (k % 4);
  for (let t = 0; t < rows; t++) {
    const ao = t * k;
    for (let j = 0; j < cols; j++) {
      const bo = j * k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = 0;
      for (; i < k4; i += 4) {
        s0 += a[ao + i] * b[bo + i];
        s1 += a[ao + i + 1] * b[bo + i + 1];
        s2 += a[ao + i + 2] * b[bo + i + 2];
        s3 += a[ao + i + 3] * b[bo + i + 3];
      }
      for (; i < k; i++) s0 += a[ao + i] * b[bo + i];
      out[t * cols + j] += scale * (s0 + s1 + s2 + s3);
    }
  }
}

/** [rows, cols] → [cols, stride] (stride ≥ rows, zeros beyond: pads a summed axis to SIMD width). */
export function transpose(x: Float32Array, rows: number, cols: number, stride = rows): Float32Array {
  const out = new Float32Array(stride * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * stride + r] = x[r * cols + c];
  return out;
}

/** y = x / rms(x) · g per row; returns the per-row 1/rms for the backward pass. */
export function rmsNorm(
  x: Float32Array,
  rows: number,
  dim: number,
  g: Float32Array,
  eps: number,
  y: Float32Array,
) {
  const inv = new Float32Array(rows);
  for (let t = 0; t < rows; t++) {
    let ss = 0;
    for (let i = 0; i < dim; i++) ss += x[t * dim + i] ** 2;
    const r = 1 / Math.sqrt(ss / dim + eps);
    inv[t] = r;
    for (let i = 0; i < dim; i++) y[t * dim + i] = x[t * dim + i] * r * g[i];
  }
  return inv;
}

/** dx += ∂(x / rms(x) · g)/∂x applied to dy: r·a − x·r³·mean(a·x), with a = dy·g. */
export function addRmsNormBackward(
  dx: Float32Array,
  dy: Float32Array,
  x: Float32Array,
  inv: Float32Array,
  rows: number,
  dim: number,
  g: Float32Array,
) {
  for (let t = 0; t < rows; t++) {
    const r = inv[t];
    let ax = 0;
    for (let i = 0; i < dim; i++) ax += dy[t * dim + i] * g[i] * x[t * dim + i];
    const c = (r * r * r * ax) / dim;
    for (let i = 0; i < dim; i++) dx[t * dim + i] += r * dy[t * dim + i] * g[i] - x[t * dim + i] * c;
  }
}

/** Rotary tables as llamaForward's (adjacent pairs, angle pos · base^(−2i/d)): [T][d/2] each. */
export function rotary(rows: number, headDim: number, base: number) {
  const half = headDim / 2;
  const cos = new Float32Array(rows * half);
  const sin = new Float32Array(rows * half);
  for (let p = 0; p < rows; p++)
    for (let i = 0; i < half; i++) {
      const angle = p * base ** ((-2 * i) / headDim);
      cos[p * half + i] = Math.cos(angle);
      sin[p * half + i] = Math.sin(angle);
    }
  return { cos, sin };
}

/** Rotates x [T, heads·d] (row t at position t + offset) in place; `inverse` applies the transpose. */
export function applyRotary(
  x: Float32Array,
  rows: number,
  heads: number,
  headDim: number,
  table: { cos: Float32Array; sin: Float32Array },
  inverse = false,
  offset = 0,
) {
  const half = headDim / 2;
  const sign = inverse ? -1 : 1;
  for (let t = 0; t < rows; t++)
    for (let h = 0; h < heads; h++) {
      const base = (t * heads + h) * headDim;
      for (let i = 0; i < half; i++) {
        const c = table.cos[(t + offset) * half + i];
        const s = sign * table.sin[(t + offset) * half + i];
        const a = x[base + 2 * i];
        const b = x[base + 2 * i + 1];
        x[base + 2 * i] = a * c - b * s;
        x[base + 2 * i + 1] = b * c + a * s;
      }
    }
}
