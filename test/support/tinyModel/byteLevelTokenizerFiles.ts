import type { ByteLevelBpe } from './trainByteLevelBpe.ts';

/** Special tokens take the first ids, so the learned vocabulary starts at SPECIAL_TOKENS.length. */
export const SPECIAL_TOKENS = { pad: '<|pad|>', bos: '<|bos|>', eos: '<|eos|>' } as const;

export interface TokenizerFiles {
  tokenizerJson: Record<string, unknown>;
  tokenizerConfigJson: Record<string, unknown>;
  vocabSize: number;
}

/**
 * tokenizer.json (the `tokenizers` library's format, which transformers.js reads) and
 * tokenizer_config.json for a byte-level BPE. No normaliser, no post-processor and no cleanup of
 * spaces on decode, so decode(encode(text)) === text for every string.
 */
export function byteLevelTokenizerFiles(bpe: ByteLevelBpe, modelMaxLength: number): TokenizerFiles {
  const specials = Object.values(SPECIAL_TOKENS);
  const vocab: Record<string, number> = {};
  for (const [id, token] of [...specials, ...bpe.tokens].entries()) vocab[token] = id;
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: null,
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: bpe.merges,
    },
  };
  const tokenizerConfigJson = {
    tokenizer_class: 'GPT2Tokenizer',
    bos_token: SPECIAL_TOKENS.bos,
    eos_token: SPECIAL_TOKENS.eos,
    pad_token: SPECIAL_TOKENS.pad,
    unk_token: null,
    add_bos_token: false,
    add_eos_token: false,
    add_prefix_space: false,
    clean_up_tokenization_spaces: false,
    model_max_length: modelMaxLength,
  };
  return { tokenizerJson, tokenizerConfigJson, vocabSize: specials.length + bpe.tokens.length };
}
