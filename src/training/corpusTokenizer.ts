import { decodeTokens, encodeText, type Vocabulary } from '../attribution/wordTokenizer.ts';
import type { BaseModel } from '../ml/baseModel.ts';

/**
 * The tokenizer an index was built with, as training and serving both see it. Ids are >= 1 and
 * below `tokenLimit` (0 is the corpus separator, also used for words the index never saw).
 */
export interface CorpusTokenizer {
  /** Recorded in the manifest: serving refuses an artifact whose tokenizer it cannot rebuild. */
  id: string;
  kind: 'words' | 'base';
  tokenLimit: number;
  encode(text: string): Uint32Array;
  decode(ids: ArrayLike<number>): string;
  stopTokens: number[];
}

export const WORDS_TOKENIZER_ID = 'words-v1';

/** Word tokens (Intl.Segmenter) over a vocabulary built from the snapshot in snapshot order. */
export function wordsTokenizer(vocabulary: Vocabulary, options: { grow?: boolean } = {}): CorpusTokenizer {
  return {
    id: WORDS_TOKENIZER_ID,
    kind: 'words',
    // A growing vocabulary's limit is read when the index is built, after every text was encoded.
    get tokenLimit() {
      return vocabulary.size + 1;
    },
    encode: (text) => encodeText(text, vocabulary, { grow: options.grow }),
    decode: (ids) => decodeTokens(ids, vocabulary),
    stopTokens: [],
  };
}

/** The base model's own tokenizer: its ids are already shifted past the separator (see loadBaseModel). */
export function baseModelTokenizer(model: BaseModel): CorpusTokenizer {
  const t = model.tokenizer;
  return {
    id: t.id,
    kind: 'base',
    tokenLimit: t.vocabSize,
    encode: (text) => t.encode(text),
    decode: (ids) => t.decode(ids),
    stopTokens: t.eosTokenId === undefined ? [] : [t.eosTokenId],
  };
}
