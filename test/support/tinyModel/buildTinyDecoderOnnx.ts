import { OnnxGraphBuilder } from './onnxGraphBuilder.ts';

export interface TinyDecoderShape {
  vocabSize: number;
  hiddenSize: number;
  layers: number;
  heads: number;
  intermediateSize: number;
}

export const ONNX_OPSET = 17;

/**
 * A pre-norm decoder-only transformer with the inputs and outputs transformers.js feeds a
 * `llama` causal LM with in-graph KV cache: input_ids, attention_mask, position_ids and
 * past_key_values.{i}.key/value in; logits and present.{i}.key/value out.
 *
 * It is not llama's exact arithmetic (LayerNormalization instead of RMSNorm, sinusoidal positions
 * instead of rotary, SiLU MLP without a gate), because opset 17 has those ops built in and the
 * model exists only to exercise the neural code path; the interface is what must match. Heads and
 * head size are fixed dimensions in the cache inputs because transformers.js builds the empty
 * first-step cache from the inputs' metadata.
 */
export function buildTinyDecoderOnnx(shape: TinyDecoderShape, seed: number): Uint8Array {
  const { vocabSize: V, hiddenSize: D, layers, heads, intermediateSize: F } = shape;
  const headDim = D / heads;
  const random = mulberry32(seed);
  const g = new OnnxGraphBuilder();
  // Uniform in ±sqrt(3)·std has standard deviation `std`.
  const weight = (name: string, dims: number[], std: number) => {
    const values = new Float32Array(dims.reduce((a, b) => a * b, 1));
    const bound = Math.sqrt(3) * std;
    for (let i = 0; i < values.length; i++) values[i] = (random() * 2 - 1) * bound;
    return g.floats(name, dims, values);
  };
  const filled = (name: string, size: number, value: number) =>
    g.floats(name, [size], new Float32Array(size).fill(value));
  const layerNorm = (x: string, name: string) =>
    g.node('LayerNormalization', [x, filled(`${name}.weight`, D, 1), filled(`${name}.bias`, D, 0)], {
      axis: -1,
      epsilon: { float: 1e-5 },
    });
  const pastDims = ['batch_size', heads, 'past_sequence_length', headDim];
  const totalDims = ['batch_size', heads, 'total_sequence_length', headDim];

  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', 'int64', ['batch_size', 'sequence_length']);
  const past: [string, string][] = [];
  for (let l = 0; l < layers; l++) {
    past.push([
      g.input(`past_key_values.${l}.key`, 'float', pastDims),
      g.input(`past_key_values.${l}.value`, 'float', pastDims),
    ]);
  }

  // Token embedding plus sinusoidal position features computed from position_ids.
  const embedded = g.node('Gather', [weight('model.embed_tokens.weight', [V, D], 1), inputIds]);
  const inverseFrequency = new Float32Array(D / 2);
  for (let i = 0; i < D / 2; i++) inverseFrequency[i] = 10000 ** (-(2 * i) / D);
  const positions = g.node('Unsqueeze', [g.node('Cast', [positionIds], { to: 1 }), g.int64s([-1])]);
  const angles = g.node('Mul', [positions, g.floats('model.inv_freq', [D / 2], inverseFrequency)]);
  const positional = g.node('Concat', [g.node('Sin', [angles]), g.node('Cos', [angles])], { axis: -1 });
  let x = g.node('Add', [embedded, positional]);

  // Additive mask [B,1,S,T]: key j is visible to query i when j <= past + i and it is not padding.
  const pastLength = g.node('Shape', [past[0][0]], { start: 2, end: 3 });
  const total = g.node('Add', [pastLength, g.node('Shape', [inputIds], { start: 1, end: 2 })]);
  const totalScalar = g.node('Squeeze', [total]);
  const one = g.int64s([1], []);
  const keyPositions = g.node('Range', [g.int64s([0], []), totalScalar, one]);
  const queryPositions = g.node('Range', [g.node('Squeeze', [pastLength]), totalScalar, one]);
  const causal = g.node('LessOrEqual', [keyPositions, g.node('Unsqueeze', [queryPositions, g.int64s([1])])]);
  const notPadding = g.node('Unsqueeze', [g.node('Cast', [attentionMask], { to: 9 }), g.int64s([1, 2])]);
  const visible = g.node('And', [causal, notPadding]);
  const maskBias = g.node('Where', [visible, g.scalar(0), g.scalar(-1e9)]);

  const splitHeads = (t: string) =>
    g.node('Transpose', [g.node('Reshape', [t, g.int64s([0, 0, heads, headDim])])], { perm: [0, 2, 1, 3] });
  const std = 1 / Math.sqrt(D);
  for (let l = 0; l < layers; l++) {
    const p = `model.layers.${l}`;
    const h = layerNorm(x, `${p}.input_layernorm`);
    const q = splitHeads(g.node('MatMul', [h, weight(`${p}.self_attn.q_proj.weight`, [D, D], std)]));
    const k = splitHeads(g.node('MatMul', [h, weight(`${p}.self_attn.k_proj.weight`, [D, D], std)]));
    const v = splitHeads(g.node('MatMul', [h, weight(`${p}.self_attn.v_proj.weight`, [D, D], std)]));
    const keys = g.node('Concat', [past[l][0], k], { axis: 2 }, [`present.${l}.key`]);
    const values = g.node('Concat', [past[l][1], v], { axis: 2 }, [`present.${l}.value`]);
    g.output(keys, 'float', totalDims);
    g.output(values, 'float', totalDims);
    const scores = g.node('Mul', [
      g.node('MatMul', [q, g.node('Transpose', [keys], { perm: [0, 1, 3, 2] })]),
      g.scalar(1 / Math.sqrt(headDim)),
    ]);
    const weights = g.node('Softmax', [g.node('Add', [scores, maskBias])], { axis: -1 });
    const context = g.node('Transpose', [g.node('MatMul', [weights, values])], { perm: [0, 2, 1, 3] });
    const merged = g.node('Reshape', [context, g.int64s([0, 0, D])]);
    x = g.node('Add', [x, g.node('MatMul', [merged, weight(`${p}.self_attn.o_proj.weight`, [D, D], std)])]);

    const h2 = layerNorm(x, `${p}.post_attention_layernorm`);
    const up = g.node('MatMul', [h2, weight(`${p}.mlp.up_proj.weight`, [D, F], std)]);
    const activated = g.node('Mul', [up, g.node('Sigmoid', [up])]);
    const down = weight(`${p}.mlp.down_proj.weight`, [F, D], 1 / Math.sqrt(F));
    x = g.node('Add', [x, g.node('MatMul', [activated, down])]);
  }
  const final = layerNorm(x, 'model.norm');
  // Logits with a standard deviation of about 2 give a peaked but not degenerate distribution.
  g.node('MatMul', [final, weight('lm_head.weight', [D, V], 2 * std)], {}, ['logits']);
  g.output('logits', 'float', ['batch_size', 'sequence_length', V]);
  return g.toBytes(ONNX_OPSET, 'potluck-tiny-causal-lm');
}

/** Weights must follow from the seed alone, so the same seed writes the same bytes. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
