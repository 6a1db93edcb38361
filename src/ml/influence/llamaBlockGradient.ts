import type { LlamaConfig } from '../lora/llamaModel.ts';
import type { LoraTarget } from '../lora/loraAdapter.ts';
import { causalAttention } from './causalAttention.ts';
import { addDotRows, addRmsNormBackward, applyRotary, rmsNorm, transpose } from './denseOps.ts';

/**
 * One block's frozen weights as Float32Arrays, each matrix in both layouts: byIn [nIn][nOut] (as
 * the tfjs model holds it, for dy·Wᵀ) and byOut [nOut][nIn] (for x·W), so that every product is a
 * row-by-row dot product (addDotRows).
 */
export interface BlockWeights {
  attnNorm: Float32Array;
  ffnNorm: Float32Array;
  w: Record<LoraTarget, { byIn: Float32Array; byOut: Float32Array; nIn: number; nOut: number }>;
}

/** An adapted matrix: a [rank][nIn], b [nOut][rank]; grads, when wanted, are filled in place. */
export interface BlockLora {
  a: Float32Array;
  b: Float32Array;
  grad?: { a: Float32Array; b: Float32Array };
}

export interface BlockInput {
  config: LlamaConfig;
  weights: BlockWeights;
  lora: Partial<Record<LoraTarget, BlockLora>>;
  rank: number;
  scale: number;
  rows: number;
  table: { cos: Float32Array; sin: Float32Array };
}

type Saved = { x: Float32Array; rows: number; u?: Float32Array };

/**
 * A Llama block's forward pass (as llamaForward's llamaLayers computes it, LoRA included) that
 * returns its output and a closure for the backward pass: given ∂L/∂output it accumulates each
 * adapter's gradient (closed form: ∂L/∂B = s·dyᵀ(xAᵀ), ∂L/∂A = s·(dy·B)ᵀx) and returns ∂L/∂input,
 * or null when `needInput` is false (the lowest differentiated block: the dense dy·Wᵀ of q, k, v
 * and the attention norm's backward are then skipped).
 *
 * Only rows `from`… of the output are computed (the top block feeds just the loss's rows to the
 * head): keys and values still cover every row, but queries, the output projection and the MLP
 * run on those rows alone, forward and backward. The output and ∂L/∂output have T − from rows.
 */
export function blockForward(input: BlockInput, x: Float32Array, from = 0) {
  const { config: c, weights: wts, rows: T, table } = input;
  const D = c.dim;
  const H = c.heads;
  const KV = c.kvHeads;
  const hd = c.headDim;
  const N = T - from;
  const saved = new Map<LoraTarget, Saved>();
  const r = input.rank;
  const padded = (rows: number) => Math.ceil(rows / 4) * 4;
  const transposed = new Map<Float32Array, Float32Array>();
  const byColumn = (m: Float32Array, rows: number, cols: number) => {
    let t = transposed.get(m);
    if (!t) {
      t = transpose(m, rows, cols, padded(rows));
      transposed.set(m, t);
    }
    return t;
  };
  const linear = (target: LoraTarget, xin: Float32Array, rows: number) => {
    const { byOut, nIn, nOut } = wts.w[target];
    const y = new Float32Array(rows * nOut);
    addDotRows(y, xin, rows, nIn, byOut, nOut);
    const lora = input.lora[target];
    const s: Saved = { x: xin, rows };
    if (lora) {
      s.u = new Float32Array(rows * r);
      addDotRows(s.u, xin, rows, nIn, lora.a, r);
      addDotRows(y, s.u, rows, r, lora.b, nOut, input.scale);
    }
    saved.set(target, s);
    return y;
  };
  const linearBack = (target: LoraTarget, dy: Float32Array, dx: Float32Array | null) => {
    const { byIn, nIn, nOut } = wts.w[target];
    const s = saved.get(target)!;
    const rows = s.rows;
    if (dx) addDotRows(dx, dy, rows, nOut, byIn, nIn);
    const lora = input.lora[target];
    if (!lora) return;
    const e = new Float32Array(rows * r);
    addDotRows(e, dy, rows, nOut, transpose(lora.b, nOut, r), r);
    if (dx) addDotRows(dx, e, rows, r, transpose(lora.a, r, nIn), nIn, input.scale);
    if (lora.grad) {
      // Sums over tokens: operands transposed with the token axis padded to a multiple of 4.
      const p = padded(rows);
      const dyT = transpose(dy, rows, nOut, p);
      addDotRows(lora.grad.b, dyT, nOut, p, transpose(s.u!, rows, r, p), r, input.scale);
      addDotRows(lora.grad.a, transpose(e, rows, r, p), r, p, byColumn(s.x, rows, nIn), nIn, input.scale);
    }
  };

  const h = new Float32Array(T * D);
  const inv1 = rmsNorm(x, T, D, wts.attnNorm, c.eps, h);
  const q = linear('q', h.subarray(from * D), N);
  const k = linear('k', h, T);
  const v = linear('v', h, T);
  applyRotary(q, N, H, hd, table, false, from);
  applyRotary(k, T, KV, hd, table);
  const attention = causalAttention(q, k, v, { rows: T, from, heads: H, kvHeads: KV, headDim: hd });
  const attn = attention.out;
  const x1 = x.slice(from * D);
  const ao = linear('o', attn, N);
  for (let i = 0; i < x1.length; i++) x1[i] += ao[i];
  const f = new Float32Array(N * D);
  const inv2 = rmsNorm(x1, N, D, wts.ffnNorm, c.eps, f);
  const gate = linear('gate', f, N);
  const up = linear('up', f, N);
  const sig = new Float32Array(gate.length);
  const m = new Float32Array(gate.length);
  for (let i = 0; i < gate.length; i++) {
    sig[i] = 1 / (1 + Math.exp(-gate[i]));
    m[i] = gate[i] * sig[i] * up[i];
  }
  const out = x1.slice();
  const down = linear('down', m, N);
  for (let i = 0; i < out.length; i++) out[i] += down[i];

  const backward = (dout: Float32Array, needInput: boolean): Float32Array | null => {
    const dx1 = dout.slice();
    const dm = new Float32Array(m.length);
    linearBack('down', dout, dm);
    const dgate = new Float32Array(m.length);
    const dup = new Float32Array(m.length);
    for (let i = 0; i < m.length; i++) {
      const s = sig[i];
      dup[i] = dm[i] * gate[i] * s;
      dgate[i] = dm[i] * up[i] * (s + gate[i] * s * (1 - s));
    }
    const df = new Float32Array(N * D);
    linearBack('gate', dgate, df);
    linearBack('up', dup, df);
    addRmsNormBackward(dx1, df, x1, inv2, N, D, wts.ffnNorm);
    const dattn = new Float32Array(attn.length);
    linearBack('o', dx1, dattn);
    const { dq, dk, dv } = attention.backward(dattn);
    applyRotary(dq, N, H, hd, table, true, from);
    applyRotary(dk, T, KV, hd, table, true);
    const dh = needInput ? new Float32Array(T * D) : null;
    linearBack('q', dq, dh ? dh.subarray(from * D) : null);
    linearBack('k', dk, dh);
    linearBack('v', dv, dh);
    if (!dh) return null;
    const dx = new Float32Array(T * D);
    dx.set(dx1, from * D);
    addRmsNormBackward(dx, dh, x, inv1, T, D, wts.attnNorm);
    return dx;
  };
  return { out, backward };
}
