import { badInput } from '../errors.ts';
import { buildSuffixArray } from './buildSuffixArray.ts';
import { CorpusIndex } from './corpusIndex.ts';

export interface CorpusDocument {
  contributionId: string;
  /** Token ids >= 1 (0 is reserved for separators). */
  tokens: ArrayLike<number>;
}

/**
 * Concatenates the documents in order, each followed by its own separator, and builds the suffix
 * array. `tokenLimit` (default: largest id + 1) fixes the separator values; pass the vocabulary's
 * size + 1 so indexes built from subsets of the corpus agree on them.
 */
export function buildCorpusIndex(
  documents: readonly CorpusDocument[],
  options: { tokenLimit?: number } = {},
): CorpusIndex {
  let total = 0;
  let largest = 0;
  for (const [d, doc] of documents.entries()) {
    if (typeof doc.contributionId !== 'string' || doc.contributionId.length === 0) {
      throw badInput('Every document needs a contribution id.', { document: d });
    }
    const { tokens } = doc;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!Number.isInteger(token) || token < 1) {
        throw badInput('Token ids must be positive integers (0 is the separator).', {
          contributionId: doc.contributionId,
          position: i,
          token,
        });
      }
      if (token > largest) largest = token;
    }
    total += tokens.length;
  }
  const tokenLimit = options.tokenLimit ?? largest + 1;
  if (!Number.isInteger(tokenLimit) || tokenLimit <= largest) {
    throw badInput('tokenLimit must exceed every token id.', { tokenLimit, largestToken: largest });
  }
  const length = total + documents.length;
  if (length > 0x3fffffff || tokenLimit + documents.length > 0x7fffffff) {
    throw badInput('Corpus is too large for one index; split it.', {
      tokens: total,
      documents: documents.length,
    });
  }

  const text = new Int32Array(length);
  const documentStarts = new Int32Array(documents.length);
  const documentContributions = new Int32Array(documents.length);
  const contributionIds: string[] = [];
  const contributionIndex = new Map<string, number>();
  let at = 0;
  for (const [d, doc] of documents.entries()) {
    documentStarts[d] = at;
    let index = contributionIndex.get(doc.contributionId);
    if (index === undefined) {
      index = contributionIds.length;
      contributionIds.push(doc.contributionId);
      contributionIndex.set(doc.contributionId, index);
    }
    documentContributions[d] = index;
    const { tokens } = doc;
    if (tokens instanceof Uint32Array || tokens instanceof Int32Array) {
      text.set(tokens, at);
      at += tokens.length;
    } else {
      for (let i = 0; i < tokens.length; i++) text[at++] = tokens[i];
    }
    text[at++] = tokenLimit + d;
  }
  const suffixArray = buildSuffixArray(text, tokenLimit + documents.length);
  return new CorpusIndex(
    text,
    suffixArray,
    documentStarts,
    documentContributions,
    contributionIds,
    tokenLimit,
  );
}
