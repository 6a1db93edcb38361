import fs from 'node:fs/promises';
import { type GgmlType, type GgufMetadata, gguf } from '../../src/ml/gguf/ggufTypes.ts';
import { type GgufTensorInput, writeGguf } from '../../src/ml/gguf/writeGguf.ts';
import { SPECIAL_TOKENS } from './tinyModel/byteLevelTokenizerFiles.ts';
import { TINY_CORPUS } from './tinyModel/tinyCorpus.ts';
import { trainByteLevelBpe } from './tinyModel/trainByteLevelBpe.ts';

export interface TinyLlamaOptions {
  dim?: number;
  layers?: number;
  heads?: number;
  /** Fewer than `heads` gives grouped-query attention. */
  kvHeads?: number;
  ffn?: number;
  /** Storage type of the matrices (norms stay F32, as llama.cpp's converters write them). */
  weightType?: 'f32' | 'f16' | 'q8_0';
  seed?: number;
  /** BPE merges learned from the corpus; the vocabulary is 3 specials + 256 bytes + merges. */
  merges?: number;
  corpus?: readonly string[];
  contextLength?: number;
  /** Standard deviation of the random matrices; larger gives peakier next-token distributions. */
  scale?: number;
  /** Pads the vocabulary with unused tokens up to this size (benchmark shapes). */
  vocabSize?: number;
}

export interface TinyLlama {
  path: string;
  vocabSize: number;
  dim: number;
  layers: number;
  heads: number;
  kvHeads: number;
  ffn: number;
  bosId: number;
  eosId: number;
}

/** Deterministic normal samples (mulberry32 + Box–Muller), so a seed gives the same file. */
export function seededNormal(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * A tiny random-weight Llama GGUF (a few hundred KB) with a real byte-level BPE vocabulary
 * (GPT-2 scheme, learned from the tiny corpus), which llama.cpp loads, tokenises and runs.
 */
export async function writeTinyLlamaGguf(filePath: string, opts: TinyLlamaOptions = {}): Promise<TinyLlama> {
  const dim = opts.dim ?? 64;
  const layers = opts.layers ?? 2;
  const heads = opts.heads ?? 4;
  const kvHeads = opts.kvHeads ?? heads;
  const ffn = opts.ffn ?? 128;
  const scale = opts.scale ?? 0.08;
  const type: GgmlType = opts.weightType === 'f16' ? 'F16' : opts.weightType === 'q8_0' ? 'Q8_0' : 'F32';
  const bpe = trainByteLevelBpe(opts.corpus ?? TINY_CORPUS, opts.merges ?? 200);
  // llama.cpp recognises <|endoftext|> as end-of-generation by its text.
  const specials = [SPECIAL_TOKENS.pad, SPECIAL_TOKENS.bos, '<|endoftext|>'];
  const tokens = [...specials, ...bpe.tokens];
  for (let i = 0; tokens.length < (opts.vocabSize ?? 0); i++) tokens.push(`<|unused${i}|>`);
  const vocabSize = tokens.length;
  const headDim = dim / heads;

  const metadata: GgufMetadata = {
    'general.architecture': gguf.str('llama'),
    'general.name': gguf.str('tiny-llama'),
    'llama.context_length': gguf.u32(opts.contextLength ?? 256),
    'llama.embedding_length': gguf.u32(dim),
    'llama.block_count': gguf.u32(layers),
    'llama.feed_forward_length': gguf.u32(ffn),
    'llama.attention.head_count': gguf.u32(heads),
    'llama.attention.head_count_kv': gguf.u32(kvHeads),
    'llama.rope.dimension_count': gguf.u32(headDim),
    'llama.rope.freq_base': gguf.f32(10000),
    'llama.attention.layer_norm_rms_epsilon': gguf.f32(1e-5),
    'llama.vocab_size': gguf.u32(vocabSize),
    'tokenizer.ggml.model': gguf.str('gpt2'),
    'tokenizer.ggml.pre': gguf.str('gpt-2'),
    'tokenizer.ggml.tokens': gguf.arr('string', tokens),
    'tokenizer.ggml.token_type': gguf.arr(
      'i32',
      tokens.map((_, i) => (i < specials.length ? 3 : 1)),
    ),
    'tokenizer.ggml.merges': gguf.arr(
      'string',
      bpe.merges.map(([a, b]) => `${a} ${b}`),
    ),
    'tokenizer.ggml.bos_token_id': gguf.u32(1),
    'tokenizer.ggml.eos_token_id': gguf.u32(2),
    'tokenizer.ggml.padding_token_id': gguf.u32(0),
    'tokenizer.ggml.add_bos_token': gguf.bool(false),
  };

  const normal = seededNormal(opts.seed ?? 1);
  const matrix = (name: string, nIn: number, nOut: number): GgufTensorInput => {
    const data = new Float32Array(nIn * nOut);
    for (let i = 0; i < data.length; i++) data[i] = normal() * scale;
    return { name, dims: [nIn, nOut], type, data };
  };
  const norm = (name: string): GgufTensorInput => {
    const data = new Float32Array(dim);
    for (let i = 0; i < dim; i++) data[i] = 1 + 0.1 * normal();
    return { name, dims: [dim], type: 'F32', data };
  };
  const tensors: GgufTensorInput[] = [matrix('token_embd.weight', dim, vocabSize)];
  // Embeddings at unit scale, so the residual stream is not swamped by the tiny projections.
  for (let i = 0; i < tensors[0].data.length; i++) tensors[0].data[i] /= scale;
  for (let l = 0; l < layers; l++) {
    tensors.push(
      norm(`blk.${l}.attn_norm.weight`),
      matrix(`blk.${l}.attn_q.weight`, dim, heads * headDim),
      matrix(`blk.${l}.attn_k.weight`, dim, kvHeads * headDim),
      matrix(`blk.${l}.attn_v.weight`, dim, kvHeads * headDim),
      matrix(`blk.${l}.attn_output.weight`, heads * headDim, dim),
      norm(`blk.${l}.ffn_norm.weight`),
      matrix(`blk.${l}.ffn_gate.weight`, dim, ffn),
      matrix(`blk.${l}.ffn_up.weight`, dim, ffn),
      matrix(`blk.${l}.ffn_down.weight`, ffn, dim),
    );
  }
  tensors.push(norm('output_norm.weight'), matrix('output.weight', dim, vocabSize));
  await fs.writeFile(filePath, writeGguf(metadata, tensors));
  return { path: filePath, vocabSize, dim, layers, heads, kvHeads, ffn, bosId: 1, eosId: 2 };
}
