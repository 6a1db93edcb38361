import fs from 'node:fs/promises';
import path from 'node:path';
import { badInput } from '../../../src/errors.ts';
import { buildTinyDecoderOnnx, ONNX_OPSET } from './buildTinyDecoderOnnx.ts';
import { byteLevelTokenizerFiles, SPECIAL_TOKENS } from './byteLevelTokenizerFiles.ts';
import { TINY_CORPUS } from './tinyCorpus.ts';
import { trainByteLevelBpe } from './trainByteLevelBpe.ts';

export interface TinyCausalLmOptions {
  /** Weights follow from the seed alone: the same seed and options write byte-identical files. */
  seed?: number;
  /** Text the tokenizer learns its merges from (default: a little English and Persian). */
  corpus?: readonly string[];
  /** Upper bound on the vocabulary (3 special tokens + 256 bytes + merges); 259 to 4096. */
  maxVocabSize?: number;
  hiddenSize?: number;
  layers?: number;
  heads?: number;
  maxPositions?: number;
}

export interface TinyCausalLm {
  folder: string;
  vocabSize: number;
  /** Paths written, relative to `folder`. */
  files: string[];
}

/**
 * Writes a random-weight causal LM that transformers.js loads offline as a `llama` text-generation
 * model: config.json, generation_config.json, tokenizer.json, tokenizer_config.json and
 * onnx/model.onnx (fp32, opset 17). It lets the neural code path run with no download.
 */
export async function writeTinyCausalLm(
  folder: string,
  options: TinyCausalLmOptions = {},
): Promise<TinyCausalLm> {
  const {
    seed = 0,
    corpus = TINY_CORPUS,
    maxVocabSize = 1024,
    hiddenSize = 64,
    layers = 2,
    heads = 4,
    maxPositions = 2048,
  } = options;
  checkInteger('seed', seed, 0, 0xffffffff);
  checkInteger('maxVocabSize', maxVocabSize, 259, 4096);
  checkInteger('hiddenSize', hiddenSize, 8, 512);
  checkInteger('layers', layers, 1, 8);
  checkInteger('heads', heads, 1, hiddenSize);
  checkInteger('maxPositions', maxPositions, 16, 1 << 20);
  // Sinusoidal positions split each head's features into sine and cosine halves.
  if (hiddenSize % heads !== 0 || hiddenSize % 2 !== 0) {
    throw badInput('hiddenSize must be even and a multiple of heads.', { hiddenSize, heads });
  }

  const specialCount = Object.keys(SPECIAL_TOKENS).length;
  const bpe = trainByteLevelBpe(corpus, maxVocabSize - specialCount - 256);
  const tokenizer = byteLevelTokenizerFiles(bpe, maxPositions);
  const vocabSize = tokenizer.vocabSize;
  const intermediateSize = hiddenSize * 2;
  const model = buildTinyDecoderOnnx({ vocabSize, hiddenSize, layers, heads, intermediateSize }, seed);
  const [pad, bos, eos] = [0, 1, 2];
  const config = {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    vocab_size: vocabSize,
    hidden_size: hiddenSize,
    intermediate_size: intermediateSize,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: heads,
    head_dim: hiddenSize / heads,
    max_position_embeddings: maxPositions,
    pad_token_id: pad,
    bos_token_id: bos,
    eos_token_id: eos,
    tie_word_embeddings: false,
    use_cache: true,
    torch_dtype: 'float32',
    'transformers.js_config': { dtype: 'fp32' },
    potluck: { generator: 'writeTinyCausalLm', seed, opset: ONNX_OPSET },
  };
  const generationConfig = { pad_token_id: pad, bos_token_id: bos, eos_token_id: eos };

  await fs.mkdir(path.join(folder, 'onnx'), { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ['config.json', json(config)],
    ['generation_config.json', json(generationConfig)],
    ['tokenizer.json', json(tokenizer.tokenizerJson)],
    ['tokenizer_config.json', json(tokenizer.tokenizerConfigJson)],
    ['onnx/model.onnx', model],
  ];
  for (const [name, content] of files) await fs.writeFile(path.join(folder, name), content);
  return { folder, vocabSize, files: files.map(([name]) => name) };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw badInput(`${name} must be an integer from ${min} to ${max}.`, { [name]: value });
  }
}
