import * as tf from '@tensorflow/tfjs';
import type { InfluenceSpec } from '../../../src/ml/influence/adapterGradient.ts';
import {
  adapterWeights,
  type LoraWeights,
  llamaHidden,
  llamaLogits,
  loraKey,
} from '../../../src/ml/lora/llamaForward.ts';
import type { LlamaModel } from '../../../src/ml/lora/llamaModel.ts';
import type { LoraAdapter } from '../../../src/ml/lora/loraAdapter.ts';

/**
 * The adapter gradient by tfjs autodiff, as influence computed it before the hand-written
 * backward pass (src/ml/influence/llamaBlockGradient.ts): the reference the tests compare that
 * pass with, and the "before" of its cost. Unprojected: [a, b] per selected pair, spec order.
 */
export function tfjsAdapterGradient(
  model: LlamaModel,
  adapter: LoraAdapter,
  sequence: { tokens: readonly number[]; lossFrom: number },
  spec: InfluenceSpec,
): Float32Array {
  const { tokens } = sequence;
  const lossFrom = Math.max(1, sequence.lossFrom);
  if (tokens.length <= lossFrom) return new Float32Array(0);
  const weights = adapterWeights(adapter);
  try {
    const keys = spec.layers.flatMap((l) =>
      spec.targets.map((t) => loraKey(l, t)).filter((k) => weights.pairs.has(k)),
    );
    const xs = keys.flatMap((k) => [weights.pairs.get(k)!.a, weights.pairs.get(k)!.b]);
    if (xs.length === 0) return new Float32Array(0);
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
    return flat;
  } finally {
    for (const p of weights.pairs.values()) {
      p.a.dispose();
      p.b.dispose();
    }
  }
}
