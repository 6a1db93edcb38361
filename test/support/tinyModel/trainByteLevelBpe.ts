/**
 * A byte-level BPE vocabulary (GPT-2's scheme) learned from a small corpus. Every UTF-8 byte is a
 * base token, so any text, Persian or English or anything else, encodes with no unknown token and
 * decodes back exactly; merges learned from the corpus make its common words short.
 */
export interface ByteLevelBpe {
  /** Token strings in id order after the special tokens: 256 byte symbols, then one per merge. */
  tokens: string[];
  merges: [string, string][];
}

/** The ByteLevel pre-tokenizer's split pattern (GPT-2's), so merges never cross the pieces it makes. */
const PIECES = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/**
 * GPT-2's byte → printable character map: printable Latin-1 bytes stand for themselves and the
 * rest are shifted to U+0100 and up, so every token is a visible string in tokenizer.json.
 */
export function byteSymbols(): string[] {
  const symbols: string[] = new Array(256);
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    symbols[b] = String.fromCodePoint(printable ? b : 256 + shifted++);
  }
  return symbols;
}

/**
 * Learns up to `maxMerges` merges by repeatedly joining the most frequent adjacent pair (ties
 * broken by the pair's text, so training is deterministic). Stops early when no pair occurs twice.
 */
export function trainByteLevelBpe(corpus: readonly string[], maxMerges: number): ByteLevelBpe {
  const symbols = byteSymbols();
  const encoder = new TextEncoder();
  const wordCounts = new Map<string, number>();
  for (const text of corpus) {
    for (const piece of text.match(PIECES) ?? []) {
      const word = Array.from(encoder.encode(piece), (b) => symbols[b]).join('\u0000');
      wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    }
  }
  const words = [...wordCounts].map(([word, count]) => ({ parts: word.split('\u0000'), count }));
  const tokens = [...symbols];
  const known = new Set(tokens);
  const merges: [string, string][] = [];
  while (merges.length < maxMerges) {
    const pairCounts = new Map<string, number>();
    for (const { parts, count } of words) {
      for (let i = 0; i + 1 < parts.length; i++) {
        const key = `${parts[i]}\u0000${parts[i + 1]}`;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + count);
      }
    }
    let best: string | null = null;
    let bestCount = 1;
    for (const [key, count] of pairCounts) {
      if (count > bestCount || (count === bestCount && best !== null && key < best)) {
        best = key;
        bestCount = count;
      }
    }
    if (best === null) break;
    const [left, right] = best.split('\u0000') as [string, string];
    const joined = left + right;
    merges.push([left, right]);
    if (!known.has(joined)) {
      known.add(joined);
      tokens.push(joined);
    }
    for (const word of words) word.parts = mergePair(word.parts, left, right);
  }
  return { tokens, merges };
}

function mergePair(parts: string[], left: string, right: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i + 1 < parts.length && parts[i] === left && parts[i + 1] === right) {
      out.push(left + right);
      i++;
    } else {
      out.push(parts[i]);
    }
  }
  return out;
}
