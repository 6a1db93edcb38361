import { buildCorpusIndex, type CorpusDocument } from '../../../src/attribution/buildCorpusIndex.ts';
import type { CorpusIndex } from '../../../src/attribution/corpusIndex.ts';
import { notFound } from '../../../src/errors.ts';
import type { NgramCounts } from './scoreInfiniGram.ts';

function split(
  index: CorpusIndex,
  contributionId: string,
): { kept: CorpusDocument[]; removed: CorpusDocument[] } {
  const target = index.contributionIds.indexOf(contributionId);
  if (target < 0) throw notFound('Contribution', contributionId);
  const kept: CorpusDocument[] = [];
  const removed: CorpusDocument[] = [];
  for (let d = 0; d < index.documentCount; d++) {
    const contribution = index.documentContributions[d];
    const doc = { contributionId: index.contributionIds[contribution], tokens: index.documentTokens(d) };
    (contribution === target ? removed : kept).push(doc);
  }
  return { kept, removed };
}

/** The corpus without one contribution, rebuilt from scratch: O(corpus) per call. */
export function removeContribution(index: CorpusIndex, contributionId: string): CorpusIndex {
  return buildCorpusIndex(split(index, contributionId).kept, { tokenLimit: index.tokenLimit });
}

/**
 * The corpus without one contribution, as counts: full-corpus counts minus counts in a small index
 * of that contribution alone. Exact, because separators keep every occurrence (and its
 * continuation) inside one document; costs O(contribution) to set up instead of O(corpus).
 */
export function subtractContribution(index: CorpusIndex, contributionId: string): NgramCounts {
  const part = buildCorpusIndex(split(index, contributionId).removed, { tokenLimit: index.tokenLimit });
  return {
    tokenCount: index.tokenCount - part.tokenCount,
    count: (tokens, start, end) => index.count(tokens, start, end) - part.count(tokens, start, end),
    continuationCount: (tokens, start, end) =>
      index.continuationCount(tokens, start, end) - part.continuationCount(tokens, start, end),
  };
}

/** The corpus with only the given contributions, rebuilt: O(their size). */
export function onlyThese(index: CorpusIndex, contributionIds: ReadonlySet<string>): CorpusIndex {
  const kept: CorpusDocument[] = [];
  for (let d = 0; d < index.documentCount; d++) {
    const id = index.contributionIds[index.documentContributions[d]];
    if (contributionIds.has(id)) kept.push({ contributionId: id, tokens: index.documentTokens(d) });
  }
  return buildCorpusIndex(kept, { tokenLimit: index.tokenLimit });
}
