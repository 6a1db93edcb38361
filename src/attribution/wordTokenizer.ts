import { badInput } from '../errors.ts';

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
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Id 0 is the corpus separator; it never occurs inside a contribution, so an unknown token mapped
 * to it matches nothing. */
export const UNKNOWN_TOKEN = 0;

export function segmentWords(text: string): string[] {
  const out: string[] = [];
  let pendingSpace = false;
  for (const { segment } of segmenter.segment(text.normalize('NFC'))) {
    if (segment === ' ') {
      if (pendingSpace) out.push(' ');
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      if (isWhitespace(segment)) out.push(' ', segment);
      else out.push(' ' + segment);
      pendingSpace = false;
    } else {
      out.push(segment);
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

/** Segments and looks up (or, with `grow`, adds) each token; unknown tokens become UNKNOWN_TOKEN. */
export function encodeText(
  text: string,
  vocabulary: Vocabulary,
  options: { grow?: boolean } = {},
): Uint32Array {
  const words = segmentWords(text);
  const ids = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    ids[i] = options.grow ? vocabulary.add(words[i]) : (vocabulary.idOf(words[i]) ?? UNKNOWN_TOKEN);
  }
  return ids;
}

export function decodeTokens(ids: ArrayLike<number>, vocabulary: Vocabulary): string {
  let text = '';
  for (let i = 0; i < ids.length; i++) text += vocabulary.tokenOf(ids[i]);
  return text;
}

const VOCABULARY_MAGIC = 'potluck-vocabulary-1';

/** Token string ⇄ id. Ids are 1..size in insertion order; 0 is reserved for separators. */
export class Vocabulary {
  private readonly tokens: string[] = [''];
  private readonly ids = new Map<string, number>();

  static fromTokens(tokens: readonly string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const token of tokens) {
      if (vocabulary.ids.has(token)) throw badInput('Vocabulary has a duplicate token.', { token });
      vocabulary.add(token);
    }
    return vocabulary;
  }

  /** The number of tokens, which is also the largest id. */
  get size(): number {
    return this.tokens.length - 1;
  }

  idOf(token: string): number | undefined {
    return this.ids.get(token);
  }

  tokenOf(id: number): string {
    if (!Number.isInteger(id) || id < 1 || id >= this.tokens.length) {
      throw badInput('Unknown token id.', { id, size: this.size });
    }
    return this.tokens[id];
  }

  add(token: string): number {
    const known = this.ids.get(token);
    if (known !== undefined) return known;
    if (token.length === 0) throw badInput('A token cannot be empty.');
    const id = this.tokens.length;
    this.tokens.push(token);
    this.ids.set(token, id);
    return id;
  }

  /** Tokens in id order (id = index + 1). */
  list(): string[] {
    return this.tokens.slice(1);
  }

  toBuffer(): Buffer {
    return Buffer.from(JSON.stringify({ format: VOCABULARY_MAGIC, tokens: this.list() }), 'utf8');
  }

  static fromBuffer(buffer: Uint8Array): Vocabulary {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('utf8'));
    } catch {
      throw badInput('Vocabulary buffer is not valid JSON.');
    }
    const body = parsed as { format?: unknown; tokens?: unknown };
    if (body?.format !== VOCABULARY_MAGIC || !Array.isArray(body.tokens)) {
      throw badInput('Buffer does not hold a vocabulary.', { expected: VOCABULARY_MAGIC });
    }
    if (!body.tokens.every((t): t is string => typeof t === 'string' && t.length > 0)) {
      throw badInput('Vocabulary tokens must be non-empty strings.');
    }
    return Vocabulary.fromTokens(body.tokens);
  }
}
