import * as tf from '@tensorflow/tfjs';
import type { LlamaModel } from '../lora/llamaModel.ts';
import { LORA_TARGETS } from '../lora/loraAdapter.ts';
import { addDotRows, addRmsNormBackward, rmsNorm, transpose } from './denseOps.ts';
import type { BlockWeights } from './llamaBlockGradient.ts';

/**
 * A block's weights copied out of tfjs once per model and kept (influence differentiates the same
 * top layers on every call), in both layouts: ~56 MB for two layers of a 135M shape. Weak, so they go with the model.
 */
const blocks = new WeakMap<LlamaModel, Map<number, BlockWeights>>();
const outputNorms = new WeakMap<LlamaModel, Float32Array>();

export function blockWeights(model: LlamaModel, layer: number): BlockWeights {
  let byLayer = blocks.get(model);
  if (!byLayer) {
    byLayer = new Map();
    blocks.set(model, byLayer);
  }
  let found = byLayer.get(layer);
  if (!found) {
    const l = model.layers[layer];
    const w = {} as BlockWeights['w'];
    for (const t of LORA_TARGETS) {
      const [nIn, nOut] = l.w[t].shape;
      const byIn = l.w[t].dataSync() as Float32Array;
      w[t] = { byIn, byOut: transpose(byIn, nIn, nOut), nIn, nOut };
    }
    found = {
      attnNorm: l.attnNorm.dataSync() as Float32Array,
      ffnNorm: l.ffnNorm.dataSync() as Float32Array,
      w,
    };
    byLayer.set(layer, found);
  }
  return found;
}

/**
 * Whether every layer's weights may be copied out (all blocks ≤ 4M numbers, twice that cached):
 * the tiny models, where running the lower layers through tfjs cost more than the rest together.
 */
export function smallModel(model: LlamaModel): boolean {
  const perLayer = Object.values(model.layers[0]?.w ?? {}).reduce((n, w) => n + w.size, 0);
  return smallHead(model) !== null && perLayer * model.config.layers <= 1 << 22;
}

/** Output matrices up to this many numbers are copied out too (the tiny and 135M-shaped bench models). */
const SMALL_HEAD = 1 << 22;

interface HeadArrays {
  /** [vocab][dim], for logits = z · W. */
  byOut: Float32Array;
  /** [dim][vocab], for dz = dlogits · Wᵀ. */
  byIn: Float32Array;
  /** [vocab][dim] token embeddings. */
  embed: Float32Array;
}
const heads = new WeakMap<LlamaModel, HeadArrays | null>();

/** The output and embedding matrices as arrays when small, else null (they stay in tfjs). */
export function smallHead(model: LlamaModel): HeadArrays | null {
  let found = heads.get(model);
  if (found === undefined) {
    const { dim, vocabSize } = model.config;
    if (dim * vocabSize > SMALL_HEAD) found = null;
    else {
      const byIn = model.output.dataSync() as Float32Array;
      found = { byIn, byOut: transpose(byIn, dim, vocabSize), embed: model.embed.dataSync() as Float32Array };
    }
    heads.set(model, found);
  }
  return found;
}

/**
 * ∂(mean next-token loss of the last `targets.length` rows)/∂x for the last block's output x
 * [T, dim]: the final norm here, logits and their gradient here for small vocabularies and in tfjs
 * for large ones (vocab × dim can be 28M numbers: not copied out, and a handful of large matmuls is
 * where tfjs's SIMD pays). Rows before them get zero.
 */
export function headGradient(model: LlamaModel, x: Float32Array, rows: number, targets: readonly number[]) {
  const { dim, eps, vocabSize } = model.config;
  let g = outputNorms.get(model);
  if (!g) {
    g = model.outputNorm.dataSync() as Float32Array;
    outputNorms.set(model, g);
  }
  const n = targets.length;
  const first = rows - n;
  const xs = x.subarray(first * dim);
  const z = new Float32Array(n * dim);
  const inv = rmsNorm(xs, n, dim, g, eps, z);
  const head = smallHead(model);
  let dz: Float32Array;
  if (head) {
    const logits = new Float32Array(n * vocabSize);
    addDotRows(logits, z, n, dim, head.byOut, vocabSize);
    // dlogits = (softmax − onehot) / n, in place.
    for (let t = 0; t < n; t++) {
      const o = t * vocabSize;
      let max = -Infinity;
      for (let i = 0; i < vocabSize; i++) if (logits[o + i] > max) max = logits[o + i];
      let sum = 0;
      for (let i = 0; i < vocabSize; i++) {
        const e = Math.exp(logits[o + i] - max);
        logits[o + i] = e;
        sum += e;
      }
      const inv = 1 / (sum * n);
      for (let i = 0; i < vocabSize; i++) logits[o + i] *= inv;
      logits[o + targets[t]] -= 1 / n;
    }
    dz = new Float32Array(n * dim);
    addDotRows(dz, logits, n, vocabSize, head.byIn, dim);
  } else {
    dz = tf.tidy(() => {
      const logits = tf.matMul(tf.tensor2d(z, [n, dim]), model.output);
      const onehot = tf.oneHot(tf.tensor1d([...targets], 'int32'), vocabSize);
      const dlogits = tf.div(tf.sub(tf.softmax(logits), onehot), n);
      return tf.matMul(dlogits, model.output, false, true).dataSync() as Float32Array;
    });
  }
  const dx = new Float32Array(rows * dim);
  addRmsNormBackward(dx.subarray(first * dim), dz, xs, inv, n, dim, g);
  return dx;
}
