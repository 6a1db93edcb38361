import { badInput } from '../errors.ts';
import { foldJoiners } from './persianJoiners.ts';

const LEGACY_MAGIC = 'potluck-vocabulary-1';
const VOCABULARY_MAGIC = 'potluck-vocabulary-2';

/**
 * Token ⇄ id for the word tokenizer. Ids are 1..size in insertion order; 0 is reserved for
 * separators. A token is looked up by its matching key (ZWNJ spellings folded, see
 * persianJoiners) and shown as it was first written.
 *
 * It also remembers how tokens sat next to each other in the sources, so decoding can keep two
 * words apart that no source ever wrote together: which pairs were written with nothing between
 * them, and which tokens ever started a line (those get their line break back).
 * A legacy vocabulary (format 1, tokenizer words-v1) has neither folding nor that record.
 */
export class Vocabulary {
  private readonly tokens: string[] = [''];
  private readonly ids = new Map<string, number>();
  private readonly glued = new Set<string>();
  private readonly lineStarts = new Set<number>();

  constructor(readonly legacy = false) {}

  static fromTokens(tokens: readonly string[], legacy = false): Vocabulary {
    const vocabulary = new Vocabulary(legacy);
    for (const token of tokens) {
      if (vocabulary.ids.has(vocabulary.keyOf(token))) {
        throw badInput('Vocabulary has a duplicate token.', { token });
      }
      vocabulary.add(token);
    }
    return vocabulary;
  }

  /** The number of tokens, which is also the largest id. */
  get size(): number {
    return this.tokens.length - 1;
  }

  keyOf(token: string): string {
    return this.legacy ? token : foldJoiners(token);
  }

  idOf(token: string): number | undefined {
    return this.ids.get(this.keyOf(token));
  }

  tokenOf(id: number): string {
    if (!Number.isInteger(id) || id < 1 || id >= this.tokens.length) {
      throw badInput('Unknown token id.', { id, size: this.size });
    }
    return this.tokens[id];
  }

  add(token: string): number {
    const key = this.keyOf(token);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    if (token.length === 0) throw badInput('A token cannot be empty.');
    const id = this.tokens.length;
    this.tokens.push(token);
    this.ids.set(key, id);
    return id;
  }

  /** Records that a source wrote `next` right after `previous` (as written there). */
  noteNeighbours(previous: string, previousId: number, next: string, nextId: number): void {
    if (this.legacy) return;
    if (/\n$/u.test(previous) && !/^\s/u.test(next)) this.lineStarts.add(nextId);
    if (!/\s$/u.test(previous) && !/^\s/u.test(next)) this.glued.add(`${previousId}:${nextId}`);
  }

  /**
   * What decoding puts between two tokens: nothing, or (when no source ever wrote them together
   * and neither brings whitespace) the separator `next` had in the sources: a line break if it
   * ever started a line, else a space.
   */
  separatorBetween(previousId: number, nextId: number): string {
    if (this.legacy) return '';
    if (/\s$/u.test(this.tokenOf(previousId)) || /^\s/u.test(this.tokenOf(nextId))) return '';
    if (this.glued.has(`${previousId}:${nextId}`)) return '';
    return this.lineStarts.has(nextId) ? '\n' : ' ';
  }

  /** Tokens in id order (id = index + 1). */
  list(): string[] {
    return this.tokens.slice(1);
  }

  toBuffer(): Buffer {
    const body = this.legacy
      ? { format: LEGACY_MAGIC, tokens: this.list() }
      : {
          format: VOCABULARY_MAGIC,
          tokens: this.list(),
          glued: [...this.glued].sort(),
          lineStarts: [...this.lineStarts].sort((a, b) => a - b),
        };
    return Buffer.from(JSON.stringify(body), 'utf8');
  }

  static fromBuffer(buffer: Uint8Array): Vocabulary {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('utf8'));
    } catch {
      throw badInput('Vocabulary buffer is not valid JSON.');
    }
    const body = parsed as { format?: unknown; tokens?: unknown; glued?: unknown; lineStarts?: unknown };
    const legacy = body?.format === LEGACY_MAGIC;
    if ((!legacy && body?.format !== VOCABULARY_MAGIC) || !Array.isArray(body.tokens)) {
      throw badInput('Buffer does not hold a vocabulary.', { expected: VOCABULARY_MAGIC });
    }
    if (!body.tokens.every((t): t is string => typeof t === 'string' && t.length > 0)) {
      throw badInput('Vocabulary tokens must be non-empty strings.');
    }
    const vocabulary = Vocabulary.fromTokens(body.tokens, legacy);
    if (legacy) return vocabulary;
    const glued = Array.isArray(body.glued) ? body.glued : [];
    const lineStarts = Array.isArray(body.lineStarts) ? body.lineStarts : [];
    if (!glued.every((p) => typeof p === 'string' && /^\d+:\d+$/.test(p))) {
      throw badInput('Vocabulary neighbour pairs are corrupt.');
    }
    if (!lineStarts.every((id) => Number.isInteger(id) && id >= 1 && id <= vocabulary.size)) {
      throw badInput('Vocabulary line starts are corrupt.');
    }
    for (const pair of glued as string[]) vocabulary.glued.add(pair);
    for (const id of lineStarts as number[]) vocabulary.lineStarts.add(id);
    return vocabulary;
  }
}
