import type * as tfTypes from '@tensorflow/tfjs';
import { arrayOf, type GgufFile, readGguf, readGgufTensor, scalarOf } from '../gguf/readGguf.ts';
import { GGUF_TENSOR, LORA_TARGETS, type LoraTarget } from './loraAdapter.ts';
import { tfjsWasm } from './tfjsWasm.ts';

export interface LlamaConfig {
  vocabSize: number;
  dim: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  ffn: number;
  ropeBase: number;
  ropeDims: number;
  eps: number;
  contextLength: number;
  bosId: number | null;
  eosId: number | null;
}

export class UnsupportedModelError extends Error {}

/** Reads a Llama-architecture GGUF's shape from its metadata. */
function llamaConfigOf(file: GgufFile): LlamaConfig {
  const m = file.metadata;
  const arch = scalarOf(m, 'general.architecture');
  if (arch !== 'llama')
    throw new UnsupportedModelError(`Architecture ${String(arch)} is not supported (llama only)`);
  const num = (key: string, fallback?: number) => {
    const v = scalarOf(m, `llama.${key}`);
    if (v === undefined && fallback === undefined) throw new UnsupportedModelError(`GGUF lacks llama.${key}`);
    return Number(v ?? fallback);
  };
  const dim = num('embedding_length');
  const heads = num('attention.head_count');
  const headDim = dim / heads;
  const ropeDims = num('rope.dimension_count', headDim);
  if (ropeDims !== headDim) throw new UnsupportedModelError('Partial rotary embeddings are not supported');
  if (scalarOf(m, 'llama.rope.scaling.type') && scalarOf(m, 'llama.rope.scaling.type') !== 'none')
    throw new UnsupportedModelError('Rotary scaling is not supported');
  const tokens = arrayOf(m, 'tokenizer.ggml.tokens');
  const id = (key: string) => {
    const v = scalarOf(m, `tokenizer.ggml.${key}`);
    return v === undefined ? null : Number(v);
  };
  return {
    vocabSize: num('vocab_size', tokens?.length ?? 0),
    dim,
    layers: num('block_count'),
    heads,
    kvHeads: num('attention.head_count_kv', heads),
    headDim,
    ffn: num('feed_forward_length'),
    ropeBase: num('rope.freq_base', 10000),
    ropeDims,
    eps: num('attention.layer_norm_rms_epsilon', 1e-5),
    contextLength: num('context_length', 2048),
    bosId: id('bos_token_id'),
    eosId: id('eos_token_id'),
  };
}

export interface LlamaLayer {
  attnNorm: tfTypes.Tensor1D;
  ffnNorm: tfTypes.Tensor1D;
  /** Each matrix as [n_in, n_out], ready for x · W. */
  w: Record<LoraTarget, tfTypes.Tensor2D>;
}

export interface LlamaModel {
  config: LlamaConfig;
  embed: tfTypes.Tensor2D;
  layers: LlamaLayer[];
  outputNorm: tfTypes.Tensor1D;
  /** [dim, vocab] */
  output: tfTypes.Tensor2D;
  /** Total base parameters. */
  parameters: number;
  dispose(): void;
}

/** Loads a Llama GGUF's weights into tfjs as float32 (F16/Q8_0 dequantised); base weights stay frozen. */
export async function loadLlamaModel(bytes: Uint8Array): Promise<LlamaModel> {
  const tf = await tfjsWasm();
  const file = readGguf(bytes);
  const config = llamaConfigOf(file);
  const infos = new Map(file.tensors.map((t) => [t.name, t]));
  let parameters = 0;
  const raw = (name: string): { data: Float32Array; dims: number[] } => {
    const info = infos.get(name);
    if (!info) throw new UnsupportedModelError(`GGUF lacks tensor ${name}`);
    parameters += info.elements;
    return { data: readGgufTensor(bytes, info), dims: info.dims };
  };
  const vector = (name: string) => tf.tensor1d(raw(name).data);
  // ggml dims [n_in, n_out] are row-major [n_out][n_in]; transpose once so the forward pass is x · W.
  const matrix = (name: string) => {
    const { data, dims } = raw(name);
    return tf.tidy(() => tf.tensor2d(data, [dims[1], dims[0]]).transpose<tfTypes.Tensor2D>());
  };
  const embedRaw = raw('token_embd.weight');
  const embed = tf.tensor2d(embedRaw.data, [embedRaw.dims[1], embedRaw.dims[0]]);
  const layers: LlamaLayer[] = [];
  for (let l = 0; l < config.layers; l++) {
    const w = {} as Record<LoraTarget, tfTypes.Tensor2D>;
    for (const t of LORA_TARGETS) w[t] = matrix(`blk.${l}.${GGUF_TENSOR[t]}.weight`);
    layers.push({
      attnNorm: vector(`blk.${l}.attn_norm.weight`),
      ffnNorm: vector(`blk.${l}.ffn_norm.weight`),
      w,
    });
  }
  const outputNorm = vector('output_norm.weight');
  // Tied embeddings: models without output.weight reuse token_embd.
  const output = infos.has('output.weight') ? matrix('output.weight') : embed.transpose<tfTypes.Tensor2D>();
  const all = [
    embed,
    outputNorm,
    output,
    ...layers.flatMap((l) => [l.attnNorm, l.ffnNorm, ...Object.values(l.w)]),
  ];
  return { config, embed, layers, outputNorm, output, parameters, dispose: () => tf.dispose(all) };
}
