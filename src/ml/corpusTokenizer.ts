import {
  type DecodedText,
  decodeTokens,
  decodeWithOffsets,
  encodeText,
  type Vocabulary,
} from '../attribution/wordTokenizer.ts';
import type { BaseModel } from './baseModel.ts';

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
  /** The decoded text and where each token's text starts in it (for showing matched spans). */
  decodeWithOffsets(ids: ArrayLike<number>): DecodedText;
  stopTokens: number[];
}

/** words-v2 folds Persian ZWNJ spellings and keeps separators; words-v1 artifacts still load. */
export const WORDS_TOKENIZER_ID = 'words-v2';
export const LEGACY_WORDS_TOKENIZER_ID = 'words-v1';

/** Word tokens (Intl.Segmenter) over a vocabulary built from the snapshot in snapshot order. */
export function wordsTokenizer(vocabulary: Vocabulary, options: { grow?: boolean } = {}): CorpusTokenizer {
  return {
    id: vocabulary.legacy ? LEGACY_WORDS_TOKENIZER_ID : WORDS_TOKENIZER_ID,
    kind: 'words',
    // A growing vocabulary's limit is read when the index is built, after every text was encoded.
    get tokenLimit() {
      return vocabulary.size + 1;
    },
    encode: (text) => encodeText(text, vocabulary, { grow: options.grow }),
    decode: (ids) => decodeTokens(ids, vocabulary),
    decodeWithOffsets: (ids) => decodeWithOffsets(ids, vocabulary),
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
    decodeWithOffsets: (ids) => decodePrefixes(ids, t.decode),
    stopTokens: t.eosTokenId === undefined ? [] : [t.eosTokenId],
  };
}

/**
 * Offsets for a subword tokenizer, whose tokens need not decode to whole characters alone: token
 * k starts where the decoded first k tokens end (clamped, so the offsets never go backwards).
 */
function decodePrefixes(ids: ArrayLike<number>, decode: (ids: ArrayLike<number>) => string): DecodedText {
  const all = Array.from(ids);
  const text = decode(all);
  const starts = [0];
  for (let k = 1; k < all.length; k++) {
    starts.push(Math.min(text.length, Math.max(starts[k - 1], decode(all.slice(0, k)).length)));
  }
  starts.push(text.length);
  return { text, starts: all.length === 0 ? [0] : starts };
}
