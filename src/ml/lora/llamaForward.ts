import * as tf from '@tensorflow/tfjs';
import type { LlamaModel } from './llamaModel.ts';
import { type LoraAdapter, type LoraTarget, loraScale } from './loraAdapter.ts';

/** LoRA weights as tfjs tensors (variables while training), keyed `${layer}.${target}`. */
export interface LoraWeights {
  scale: number;
  /** a: [rank, nIn], b: [nOut, rank] (PEFT layout). */
  pairs: Map<string, { a: tf.Tensor2D; b: tf.Tensor2D }>;
  /** Dropout on the LoRA input while training; `seed` makes the masks reproducible. */
  dropout?: { rate: number; seed: number };
}

export const loraKey = (layer: number, target: LoraTarget) => `${layer}.${target}`;

function rmsNorm(x: tf.Tensor2D, weight: tf.Tensor1D, eps: number): tf.Tensor2D {
  const ms = tf.mean(tf.square(x), -1, true);
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(ms, eps))), weight);
}

/**
 * Rotary embedding as llama.cpp's LLAMA architecture applies it (GGML_ROPE_TYPE_NORM): adjacent
 * pairs (x[2i], x[2i+1]) rotate by pos · base^(-2i/d). x: [B, T, H, d]. Written as
 * x·cos + (x·P)·sin with P the fixed pair swap (x[2i+1] → -x[2i], x[2i] → x[2i+1]) because
 * split/stack and their gradients (SplitV, Unpack) cost ~4-10 ms a call on the wasm backend,
 * most of a small model's backward pass; a matmul and elementwise products do not.
 */
function rope(x: tf.Tensor4D, r: Rotary): tf.Tensor4D {
  const [b, t, h, d] = x.shape;
  const swapped = tf.matMul(x.reshape([b * t * h, d]), r.swap).reshape([b, t, h, d]);
  return tf.add(tf.mul(x, r.cos), tf.mul(swapped, r.sin));
}

interface Rotary {
  /** [T, 1, d]: each pair's cos (and sin) repeated for both of its elements. */
  cos: tf.Tensor;
  sin: tf.Tensor;
  /** [d, d]: the pair swap with sign. */
  swap: tf.Tensor2D;
}

function rotaryTables(t: number, d: number, base: number): Rotary {
  const cos = new Float32Array(t * d);
  const sin = new Float32Array(t * d);
  for (let p = 0; p < t; p++)
    for (let i = 0; i < d / 2; i++) {
      const angle = p * base ** ((-2 * i) / d);
      cos[p * d + 2 * i] = cos[p * d + 2 * i + 1] = Math.cos(angle);
      sin[p * d + 2 * i] = sin[p * d + 2 * i + 1] = Math.sin(angle);
    }
  const swap = new Float32Array(d * d);
  for (let i = 0; i < d / 2; i++) {
    swap[(2 * i + 1) * d + 2 * i] = -1;
    swap[2 * i * d + 2 * i + 1] = 1;
  }
  // [T, 1, d] broadcasts over batch and heads.
  return {
    cos: tf.tensor3d(cos, [t, 1, d]),
    sin: tf.tensor3d(sin, [t, 1, d]),
    swap: tf.tensor2d(swap, [d, d]),
  };
}

/**
 * [B, T, kvHeads, d] → [B, T, heads, d], consecutive query heads sharing a KV head as ggml's
 * broadcasting matmul pairs them: a matmul by a 0/1 expansion matrix, whose gradient is one more
 * matmul (split/concat, tile and gather are slow or lack gradients on the wasm backend).
 */
function expandHeads(z: tf.Tensor4D, expand: tf.Tensor2D): tf.Tensor4D {
  const [b, t, kv, d] = z.shape;
  const heads = expand.shape[1];
  return tf
    .matMul(z.transpose([0, 1, 3, 2]).reshape([b * t * d, kv]), expand)
    .reshape([b, t, d, heads])
    .transpose([0, 1, 3, 2]) as tf.Tensor4D;
}

/**
 * Next-token logits [B·T, vocab] for token ids [B, T], position 0 first, as llama.cpp computes
 * them: RMSNorm, rotary, causal grouped-query attention (query head h reads KV head
 * h / (heads / kvHeads)), SwiGLU, with LoRA added as scale · (x · Aᵀ) · Bᵀ on adapted matrices.
 * Call inside tf.tidy (or a gradient function).
 */
export function llamaLogits(
  model: LlamaModel,
  tokens: tf.Tensor2D,
  lora?: LoraWeights,
  /** The hidden state [B·T, dim] entering layer `fromLayer` (from llamaHidden), to run only the layers above. */
  start?: { fromLayer: number; hidden: tf.Tensor2D },
): tf.Tensor2D {
  const x = llamaLayers(model, tokens, lora, start?.fromLayer ?? 0, model.config.layers, start?.hidden);
  return tf.matMul(rmsNorm(x, model.outputNorm, model.config.eps), model.output);
}

/**
 * The hidden state [B·T, dim] entering layer `upTo`. Influence computes it outside the gradient
 * tape: the layers below the adapters it differentiates need no backward pass, and recording them
 * kept every intermediate of a 30-layer forward alive (on a 135M shape, ~2× the forward's time).
 */
export function llamaHidden(
  model: LlamaModel,
  tokens: tf.Tensor2D,
  lora: LoraWeights | undefined,
  upTo: number,
) {
  return llamaLayers(model, tokens, lora, 0, upTo);
}

function llamaLayers(
  model: LlamaModel,
  tokens: tf.Tensor2D,
  lora: LoraWeights | undefined,
  from: number,
  to: number,
  hidden?: tf.Tensor2D,
): tf.Tensor2D {
  const c = model.config;
  const [b, t] = tokens.shape;
  const n = b * t;
  const rotary = rotaryTables(t, c.headDim, c.ropeBase);
  const mask = tf.linalg
    .bandPart(tf.ones([t, t]), -1, 0)
    .sub(1)
    .mul(1e9);
  let dropCount = 0;
  const linear = (x: tf.Tensor2D, layer: number, target: LoraTarget): tf.Tensor2D => {
    const y = tf.matMul(x, model.layers[layer].w[target]) as tf.Tensor2D;
    const pair = lora?.pairs.get(loraKey(layer, target));
    if (!pair || !lora) return y;
    const input = lora.dropout?.rate
      ? tf.dropout(x, lora.dropout.rate, undefined, lora.dropout.seed + dropCount++)
      : x;
    const delta = tf.matMul(tf.matMul(input, pair.a, false, true), pair.b, false, true);
    return tf.add(y, tf.mul(delta, lora.scale));
  };

  let x = hidden ?? (tf.gather(model.embed, tokens.reshape([n])) as tf.Tensor2D);
  const group = c.heads / c.kvHeads;
  const expand =
    group > 1
      ? tf.tensor2d(
          Float32Array.from({ length: c.kvHeads * c.heads }, (_, i) =>
            Math.floor((i % c.heads) / group) === Math.floor(i / c.heads) ? 1 : 0,
          ),
          [c.kvHeads, c.heads],
        )
      : null;
  for (let l = from; l < to; l++) {
    const layer = model.layers[l];
    const h = rmsNorm(x, layer.attnNorm, c.eps);
    const q = rope(linear(h, l, 'q').reshape([b, t, c.heads, c.headDim]), rotary);
    let k = rope(linear(h, l, 'k').reshape([b, t, c.kvHeads, c.headDim]), rotary);
    let v = linear(h, l, 'v').reshape([b, t, c.kvHeads, c.headDim]) as tf.Tensor4D;
    if (expand) {
      k = expandHeads(k, expand);
      v = expandHeads(v, expand);
    }
    const qh = q.transpose([0, 2, 1, 3]);
    const kh = k.transpose([0, 2, 1, 3]);
    const vh = v.transpose([0, 2, 1, 3]);
    const scores = tf.add(tf.mul(tf.matMul(qh, kh, false, true), 1 / Math.sqrt(c.headDim)), mask);
    const attn = tf
      .matMul(tf.softmax(scores), vh)
      .transpose([0, 2, 1, 3])
      .reshape([n, c.heads * c.headDim]);
    x = tf.add(x, linear(attn as tf.Tensor2D, l, 'o'));
    const f = rmsNorm(x, layer.ffnNorm, c.eps);
    const gate = linear(f, l, 'gate');
    const up = linear(f, l, 'up');
    x = tf.add(x, linear(tf.mul(tf.mul(gate, tf.sigmoid(gate)), up) as tf.Tensor2D, l, 'down'));
  }
  return x;
}

/** An adapter's pairs as constant tensors (for evaluation and serving checks); dispose the pairs after use. */
export function adapterWeights(adapter: LoraAdapter): LoraWeights {
  const pairs = new Map<string, { a: tf.Tensor2D; b: tf.Tensor2D }>();
  for (const p of adapter.pairs)
    pairs.set(loraKey(p.layer, p.target), {
      a: tf.tensor2d(p.a, [adapter.rank, p.nIn]),
      b: tf.tensor2d(p.b, [p.nOut, adapter.rank]),
    });
  return { scale: loraScale(adapter), pairs };
}
