import { joinPersianAffixes } from './persianJoiners.ts';
import type { Vocabulary } from './vocabulary.ts';

export { Vocabulary } from './vocabulary.ts';

/**
 * Word tokenizer for corpora without a model tokenizer: Unicode word segmentation (UAX #29 via
 * `Intl.Segmenter`, root locale, so English and Persian are segmented by the same rules).
 *
 * Every segment is kept, so `joinWords(segmentWords(text)) === text.normalize('NFC')`:
 * - words, numbers and each punctuation mark are tokens;
 * - a single space before a non-space segment is glued to it (' world'), as GPT-2 does, so ordinary
 *   prose costs one token per word and spans need no space tokens between words;
 * - any other whitespace (newlines, tabs, runs of spaces, a trailing space) stays a token of its own
 *   because line breaks carry meaning in poems and code.
 * Text is NFC-normalised first so canonically equal spellings get the same ids. Arabic and Persian
 * letter variants (ي/ی, ك/ک) are not folded: that is a spelling choice, not a Unicode equivalence.
 * Persian affixes typed with a space instead of a ZWNJ (می بارد) are segmented as one word, and
 * the vocabulary matches all three spellings of it (see persianJoiners); the text keeps its own.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Id 0 is the corpus separator; it never occurs inside a contribution, so an unknown token mapped
 * to it matches nothing. */
export const UNKNOWN_TOKEN = 0;

/** Segments as written (the legacy tokenizer words-v1 does not join Persian affixes). */
export function segmentWords(text: string, options: { legacy?: boolean } = {}): string[] {
  const original = text.normalize('NFC');
  // The matching form has the same length, so its segment boundaries cut the original too.
  const matching = options.legacy ? original : joinPersianAffixes(original);
  const out: string[] = [];
  let pendingSpace = false;
  for (const { segment, index } of segmenter.segment(matching)) {
    const written = original.slice(index, index + segment.length);
    if (segment === ' ') {
      if (pendingSpace) out.push(' ');
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      if (isWhitespace(segment)) out.push(' ', written);
      else out.push(' ' + written);
      pendingSpace = false;
    } else {
      out.push(written);
    }
  }
  if (pendingSpace) out.push(' ');
  return out;
}

export function joinWords(tokens: readonly string[]): string {
  return tokens.join('');
}

function isWhitespace(segment: string): boolean {
  return /^\s+$/u.test(segment);
}

/**
 * Segments and looks up (or, with `grow`, adds) each token; unknown tokens become UNKNOWN_TOKEN.
 * Growing also records which tokens the text writes side by side (see Vocabulary.noteNeighbours).
 */
export function encodeText(
  text: string,
  vocabulary: Vocabulary,
  options: { grow?: boolean } = {},
): Uint32Array {
  const words = segmentWords(text, { legacy: vocabulary.legacy });
  const ids = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    ids[i] = options.grow ? vocabulary.add(words[i]) : (vocabulary.idOf(words[i]) ?? UNKNOWN_TOKEN);
    if (options.grow && i > 0) vocabulary.noteNeighbours(words[i - 1], ids[i - 1], words[i], ids[i]);
  }
  return ids;
}

export interface DecodedText {
  text: string;
  /** starts[k]: where token k's text begins (after any separator put before it); starts[n] = length. */
  starts: number[];
}

/** The tokens' text, with a separator between two that no source wrote side by side. */
export function decodeWithOffsets(ids: ArrayLike<number>, vocabulary: Vocabulary): DecodedText {
  let text = '';
  const starts: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (i > 0) text += vocabulary.separatorBetween(ids[i - 1], ids[i]);
    starts.push(text.length);
    text += vocabulary.tokenOf(ids[i]);
  }
  starts.push(text.length);
  return { text, starts };
}

export function decodeTokens(ids: ArrayLike<number>, vocabulary: Vocabulary): string {
  return decodeWithOffsets(ids, vocabulary).text;
}
