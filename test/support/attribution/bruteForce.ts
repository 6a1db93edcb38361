/**
 * Slow, obviously correct reference implementations that the tests compare the fast ones with.
 * Documents are plain arrays; nothing here knows about suffix arrays.
 */
export type Docs = readonly (readonly number[])[];

export function bruteSuffixArray(text: ArrayLike<number>): number[] {
  const order = Array.from({ length: text.length }, (_, i) => i);
  return order.sort((a, b) => {
    for (let i = a, j = b; ; i++, j++) {
      // A suffix that runs out first is smaller (the sentinel is the smallest symbol).
      if (i === text.length) return -1;
      if (j === text.length) return 1;
      if (text[i] !== text[j]) return text[i] - text[j];
    }
  });
}

/** Start positions (document, offset) of every occurrence of `pattern`; the empty pattern occurs
 * once per token, matching CorpusIndex.count. */
export function bruteOccurrences(docs: Docs, pattern: readonly number[]): { doc: number; at: number }[] {
  const found: { doc: number; at: number }[] = [];
  docs.forEach((tokens, doc) => {
    const last = pattern.length === 0 ? tokens.length - 1 : tokens.length - pattern.length;
    for (let at = 0; at <= last; at++) {
      if (pattern.every((t, k) => tokens[at + k] === t)) found.push({ doc, at });
    }
  });
  return found;
}

export function bruteCount(docs: Docs, pattern: readonly number[]): number {
  return bruteOccurrences(docs, pattern).length;
}

export function bruteContinuationCount(docs: Docs, pattern: readonly number[]): number {
  return bruteOccurrences(docs, pattern).filter(({ doc, at }) => at + pattern.length < docs[doc].length)
    .length;
}

/**
 * Next-token counts after the longest suffix of `context` that occurs; an occurrence that ends its
 * document counts for `endToken` (the empty suffix occurs once per token, so never ends one).
 */
export function bruteNextTokens(
  docs: Docs,
  context: readonly number[],
  endToken = -1,
): { suffixLength: number; counts: Map<number, number> } {
  for (let length = context.length; length >= 0; length--) {
    const suffix = context.slice(context.length - length);
    const counts = new Map<number, number>();
    for (const { doc, at } of bruteOccurrences(docs, suffix)) {
      const next = docs[doc][at + length] ?? endToken;
      counts.set(next, (counts.get(next) ?? 0) + 1);
    }
    if (counts.size > 0 || length === 0) return { suffixLength: length, counts };
  }
  throw new Error('unreachable');
}

/** Length of the longest suffix of tokens[0, end) that occurs in the documents. */
export function bruteLongestSuffix(docs: Docs, tokens: readonly number[], end: number): number {
  let best = 0;
  for (let length = 1; length <= end; length++) {
    if (bruteCount(docs, tokens.slice(end - length, end)) > 0) best = length;
    else break;
  }
  return best;
}
