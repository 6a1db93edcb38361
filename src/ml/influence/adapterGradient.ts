import * as tf from '@tensorflow/tfjs';
import { adapterWeights, type LoraWeights, llamaHidden, llamaLogits, loraKey } from '../lora/llamaForward.ts';
import type { LlamaConfig, LlamaModel } from '../lora/llamaModel.ts';
import { LORA_TARGETS, type LoraAdapter, type LoraTarget } from '../lora/loraAdapter.ts';

/** Which adapter gradients are taken, and how they are projected (recorded in the manifest). */
export interface InfluenceSpec {
  layers: number[];
  targets: LoraTarget[];
  projectionDim: number;
  projectionSeed: number;
}

/**
 * Top layers only: their gradients need the backward pass through those layers alone, which keeps
 * the cost at call time bounded (the top-k layers' share of a forward pass, twice), and TRAK and
 * TracIn both find late layers carry most of the attribution signal.
 */
export function defaultInfluenceSpec(
  config: Pick<LlamaConfig, 'layers'>,
  targets: readonly LoraTarget[],
  opts: { topLayers?: number; projectionDim?: number; projectionSeed?: number } = {},
): InfluenceSpec {
  const top = Math.min(config.layers, opts.topLayers ?? 2);
  return {
    layers: Array.from({ length: top }, (_, i) => config.layers - top + i),
    targets: LORA_TARGETS.filter((t) => targets.includes(t)),
    projectionDim: opts.projectionDim ?? 128,
    projectionSeed: opts.projectionSeed ?? 0x5eed,
  };
}

/**
 * Gradient of the mean next-token loss of `tokens[lossFrom..]` (given everything before) with
 * respect to the selected adapter matrices, projected to `projectionDim` by a seeded Rademacher
 * matrix (±1/√d, Johnson–Lindenstrauss: inner products are kept in expectation). Training and
 * serving call this same function, so stored features and call-time gradients share one projection.
 */
export function projectedAdapterGradient(
  model: LlamaModel,
  adapter: LoraAdapter,
  sequence: { tokens: readonly number[]; lossFrom: number },
  spec: InfluenceSpec,
): Float32Array {
  const { tokens } = sequence;
  const lossFrom = Math.max(1, sequence.lossFrom);
  if (tokens.length <= lossFrom) return new Float32Array(spec.projectionDim);
  const weights = adapterWeights(adapter);
  try {
    const keys = spec.layers.flatMap((l) =>
      spec.targets.map((t) => loraKey(l, t)).filter((k) => weights.pairs.has(k)),
    );
    const xs = keys.flatMap((k) => [weights.pairs.get(k)!.a, weights.pairs.get(k)!.b]);
    if (xs.length === 0) return new Float32Array(spec.projectionDim);
    // The layers below the lowest differentiated one run off the tape: their output is a constant here.
    const fromLayer = Math.min(...spec.layers);
    const grads = tf.tidy(() => {
      const input = tf.tensor2d([...tokens.slice(0, -1)], [1, tokens.length - 1], 'int32');
      const targets = tf.tensor1d([...tokens.slice(lossFrom)], 'int32');
      const hidden = llamaHidden(model, input, weights, fromLayer);
      const loss = (...vars: tf.Tensor[]) => {
        const pairs = new Map(weights.pairs);
        keys.forEach((k, i) => {
          pairs.set(k, { a: vars[2 * i] as tf.Tensor2D, b: vars[2 * i + 1] as tf.Tensor2D });
        });
        const lora: LoraWeights = { scale: weights.scale, pairs };
        const logits = llamaLogits(model, input, lora, { fromLayer, hidden }).slice(
          [lossFrom - 1, 0],
          [tokens.length - lossFrom, -1],
        );
        const logp = tf.logSoftmax(logits);
        const picked = tf.sum(tf.mul(logp, tf.oneHot(targets, model.config.vocabSize)), 1);
        return tf.neg(tf.mean(picked)) as tf.Scalar;
      };
      return tf.grads(loss)(xs);
    });
    const flat = new Float32Array(grads.reduce((n, g) => n + g.size, 0));
    let at = 0;
    for (const g of grads) {
      flat.set(g.dataSync() as Float32Array, at);
      at += g.size;
      g.dispose();
    }
    return project(flat, spec.projectionDim, spec.projectionSeed);
  } finally {
    for (const p of weights.pairs.values()) {
      p.a.dispose();
      p.b.dispose();
    }
  }
}

/** One feature row per document (its whole-text loss gradient, projected): [documents][projectionDim]. */
export function contributionFeatures(
  model: LlamaModel,
  adapter: LoraAdapter,
  documents: readonly (readonly number[])[],
  spec: InfluenceSpec,
  maxTokens = 256,
): Float32Array {
  const out = new Float32Array(documents.length * spec.projectionDim);
  documents.forEach((doc, i) => {
    const tokens = doc.slice(0, maxTokens);
    out.set(projectedAdapterGradient(model, adapter, { tokens, lossFrom: 1 }, spec), i * spec.projectionDim);
  });
  return out;
}

/** g · R with R a seeded ±1/√d matrix, generated row by row (never stored): O(|g| · d). */
function project(g: Float32Array, d: number, seed: number): Float32Array {
  const out = new Float64Array(d);
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  for (let j = 0; j < g.length; j++) {
    const v = g[j];
    for (let k = 0; k < d; k += 32) {
      // xorshift32: fast, and fixed forever (changing it would invalidate every stored feature).
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      const n = Math.min(32, d - k);
      for (let b = 0; b < n; b++) out[k + b] += (state >>> b) & 1 ? v : -v;
    }
  }
  const scale = 1 / Math.sqrt(d);
  return Float32Array.from(out, (x) => x * scale);
}
