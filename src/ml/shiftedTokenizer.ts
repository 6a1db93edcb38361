import { createHash } from 'node:crypto';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { badInput } from '../errors.ts';
import type { ModelTokenizer } from './baseModel.ts';

/**
 * A transformers.js tokenizer with every id moved up by one, so id 0 stays free for the corpus
 * index's separators (see loadBaseModel). Nothing is added or cleaned up, so decode(encode(text))
 * gives the text back for byte-level tokenizers.
 */
export function shiftedTokenizer(tokenizer: PreTrainedTokenizer, vocabSize: number): ModelTokenizer {
  const eos = tokenizer.eos_token_id;
  return {
    id: `base:${tokenizerHash(tokenizer)}`,
    vocabSize,
    eosTokenId: Number.isInteger(eos) && eos >= 0 ? eos + 1 : undefined,
    encode(text: string): Uint32Array {
      if (typeof text !== 'string') throw badInput('Text to encode must be a string.');
      const ids = tokenizer.encode(text, { add_special_tokens: false });
      return Uint32Array.from(ids, (id) => id + 1);
    },
    decode(ids: ArrayLike<number>): string {
      const modelIds = toModelIds(ids, vocabSize);
      // The library refuses an empty list.
      if (modelIds.length === 0) return '';
      return tokenizer.decode(modelIds, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
    },
  };
}

/** Shifted ids back to the model's, checking each is in [1, vocabSize). */
export function toModelIds(ids: ArrayLike<number>, vocabSize: number): number[] {
  const out = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!(Number.isInteger(id) && id >= 1 && id < vocabSize)) {
      throw badInput(`Token ids must be integers from 1 to ${vocabSize - 1}.`, { position: i, id });
    }
    out[i] = id - 1;
  }
  return out;
}

/**
 * Names the tokenizer by its content (the parsed tokenizer.json, or the vocabulary if the library
 * stops keeping it), so an index records exactly which tokenization its ids came from.
 */
function tokenizerHash(tokenizer: PreTrainedTokenizer): string {
  const json = (tokenizer as unknown as { _tokenizerJSON?: unknown })._tokenizerJSON;
  const identity = json ?? [...tokenizer.get_vocab()].sort((a, b) => a[1] - b[1]);
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
}
