import type { CorpusIndex } from './corpusIndex.ts';
import type { CreditUnit } from './exactCredit.ts';
import type { SampledState } from './infiniGram.ts';

/** Past this many occurrences a state's contributions are counted on an even stride through its range. */
const EXACT_LIMIT = 16_384;

/**
 * The model's own next-token evidence, one credit unit per sampling step: the contributions whose
 * occurrences made up the range each step sampled from, by occurrences. The unigram state (the
 * whole corpus) is counted exactly from document lengths; other very large ranges on a stride,
 * which keeps a call's cost bounded on a large corpus. Deterministic either way.
 */
export function evidenceCredit(index: CorpusIndex, states: readonly SampledState[]): CreditUnit[] {
  const units: CreditUnit[] = [];
  for (const { lo, hi } of states) {
    if (hi <= lo) continue;
    const tally = new Map<number, number>();
    let total = 0;
    if (lo === 0 && hi === index.tokenCount) {
      for (let d = 0; d < index.documentCount; d++) {
        const tokens = index.documentTokens(d).length;
        if (tokens === 0) continue;
        const c = index.documentContributions[d];
        tally.set(c, (tally.get(c) ?? 0) + tokens);
        total += tokens;
      }
    } else if (hi - lo <= EXACT_LIMIT) {
      index.tallyContributions(lo, hi, tally);
      total = hi - lo;
    } else {
      const stride = Math.ceil((hi - lo) / EXACT_LIMIT);
      for (let i = lo; i < hi; i += stride) {
        const c = index.documentContributions[index.documentAt(index.suffixArray[i])];
        tally.set(c, (tally.get(c) ?? 0) + 1);
        total++;
      }
    }
    if (total > 0) units.push({ tally, total });
  }
  return units;
}
