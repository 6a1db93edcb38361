import * as tf from '@tensorflow/tfjs';
import { adapterWeights, llamaHidden, loraKey } from '../lora/llamaForward.ts';
import type { LlamaConfig, LlamaModel } from '../lora/llamaModel.ts';
import { LORA_TARGETS, type LoraAdapter, type LoraTarget, loraScale } from '../lora/loraAdapter.ts';
import { rotary } from './denseOps.ts';
import { type BlockInput, blockForward } from './llamaBlockGradient.ts';
import { blockWeights, headGradient, smallHead, smallModel } from './modelArrays.ts';
import { projectGradient } from './randomProjection.ts';

export { projectGradient };

/** Which adapter gradients are taken, and how they are projected (recorded in the manifest). */
export interface InfluenceSpec {
  layers: number[];
  targets: LoraTarget[];
  projectionDim: number;
  projectionSeed: number;
}

/**
 * Top layers only: their gradients need the backward pass through those layers alone, which keeps
 * the cost at call time bounded, and TRAK and TracIn both find late layers carry most of the
 * attribution signal. The top layer alone by default: on the LDS fixture (bench/lds.ts, tiny
 * model) it scores 0.71 against 0.81 for the top two (spans 0.69, target ≥ 0.3) at about half the
 * CPU time (0.15–0.16 of generating the answer against 0.30–0.32). The spec is stored with the
 * features, so artifacts trained with two layers keep being scored with two.
 */
export function defaultInfluenceSpec(
  config: Pick<LlamaConfig, 'layers'>,
  targets: readonly LoraTarget[],
  opts: { topLayers?: number; projectionDim?: number; projectionSeed?: number } = {},
): InfluenceSpec {
  const top = Math.min(config.layers, opts.topLayers ?? 1);
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
 *
 * The differentiated blocks run forward and backward by hand (llamaBlockGradient.ts: closed-form
 * LoRA gradients, dense products on a WebAssembly SIMD kernel), as do the layers below them on
 * small models; on large ones those lower layers run in tfjs without a tape. Profiled on the tiny
 * model, tfjs autodiff spent ~20 ms of a 116 ms gradient in its ~700 kernels and the rest
 * dispatching and taping them; the gradient is the same to float rounding (adapterGradient.test).
 * Gradients are bit-identical run to run, and equal to the old tfjs ones to ~1e-7 relative, so
 * features stored by earlier runs stay comparable.
 */
export function projectedAdapterGradient(
  model: LlamaModel,
  adapter: LoraAdapter,
  sequence: { tokens: readonly number[]; lossFrom: number },
  spec: InfluenceSpec,
): Float32Array {
  const flat = adapterGradient(model, adapter, sequence, spec);
  return flat
    ? projectGradient(flat, spec.projectionDim, spec.projectionSeed)
    : new Float32Array(spec.projectionDim);
}

/** The unprojected gradient: [a, b] per selected pair (layer, then spec target order); null if none. */
export function adapterGradient(
  model: LlamaModel,
  adapter: LoraAdapter,
  sequence: { tokens: readonly number[]; lossFrom: number },
  spec: Pick<InfluenceSpec, 'layers' | 'targets'>,
): Float32Array | null {
  const { tokens } = sequence;
  const lossFrom = Math.max(1, sequence.lossFrom);
  if (tokens.length <= lossFrom) return null;
  const pairs = new Map(adapter.pairs.map((p) => [loraKey(p.layer, p.target), p]));
  const selected = spec.layers.flatMap((l) =>
    spec.targets.map((t) => pairs.get(loraKey(l, t))).filter((p) => p !== undefined),
  );
  if (selected.length === 0) return null;
  const grads = new Map(
    selected.map((p) => [p, { a: new Float32Array(p.a.length), b: new Float32Array(p.b.length) }]),
  );
  const c = model.config;
  const fromLayer = Math.min(...spec.layers);
  const rows = tokens.length - 1;
  // Small models run every layer here (tfjs's per-op cost outweighs their arithmetic); large ones
  // run the layers below the differentiated ones in tfjs.
  const firstHere = smallModel(model) ? 0 : fromLayer;
  let x = hiddenEntering(model, adapter, tokens.slice(0, -1), firstHere);
  const table = rotary(rows, c.headDim, c.ropeBase);
  const backward: ReturnType<typeof blockForward>['backward'][] = [];
  for (let l = firstHere; l < c.layers; l++) {
    const lora: BlockInput['lora'] = {};
    for (const p of adapter.pairs) if (p.layer === l) lora[p.target] = { a: p.a, b: p.b, grad: grads.get(p) };
    // The top block computes only the rows the loss reads (from lossFrom − 1 on).
    const block = blockForward(
      {
        config: c,
        weights: blockWeights(model, l),
        lora,
        rank: adapter.rank,
        scale: loraScale(adapter),
        rows,
        table,
      },
      x,
      l === c.layers - 1 ? lossFrom - 1 : 0,
    );
    if (l >= fromLayer) backward.push(block.backward);
    x = block.out;
  }
  let dx: Float32Array | null = headGradient(model, x, tokens.length - lossFrom, tokens.slice(lossFrom));
  for (let i = backward.length - 1; i >= 0 && dx; i--) dx = backward[i](dx, i > 0);
  const flat = new Float32Array(selected.reduce((n, p) => n + p.a.length + p.b.length, 0));
  let at = 0;
  for (const p of selected) {
    const g = grads.get(p)!;
    flat.set(g.a, at);
    flat.set(g.b, at + g.a.length);
    at += g.a.length + g.b.length;
  }
  return flat;
}

/** The hidden state [T, dim] entering `layer`: tfjs, off the tape (the embeddings' rows for layer 0). */
function hiddenEntering(model: LlamaModel, adapter: LoraAdapter, input: readonly number[], layer: number) {
  const embed = layer === 0 ? smallHead(model)?.embed : undefined;
  if (embed) {
    const dim = model.config.dim;
    const x = new Float32Array(input.length * dim);
    for (const [t, id] of input.entries()) x.set(embed.subarray(id * dim, (id + 1) * dim), t * dim);
    return x;
  }
  const weights = layer > 0 ? adapterWeights(adapter) : undefined;
  try {
    return tf.tidy(() => {
      const ids = tf.tensor2d([...input], [1, input.length], 'int32');
      return llamaHidden(model, ids, weights, layer).dataSync() as Float32Array;
    });
  } finally {
    for (const p of weights?.pairs.values() ?? []) {
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
