import type { Receipt } from './receipt.ts';

/**
 * One line for people: how many answer tokens were credited, why the others were not, and who
 * was paid when none was. "3 of 5 answer tokens credited (spans of 4+ tokens, counted from the
 * prompt); not credited: 2 matched fewer than 4 tokens".
 */
export function describeCredit(r: Pick<Receipt, 'answerTokens' | 'attribution'>): string {
  const a = r.attribution;
  const why: string[] = [];
  if (a.uncredited?.shortSpan) why.push(`${a.uncredited.shortSpan} matched fewer than ${a.minSpan} tokens`);
  if (a.uncredited?.unmatched) why.push(`${a.uncredited.unmatched} matched nothing`);
  const paid =
    a.basis === 'evidence'
      ? '; none credited, so the contributions the model sampled from were paid'
      : a.fallback
        ? '; none credited, so the whole snapshot was paid by size'
        : '';
  return (
    `${a.creditedTokens} of ${r.answerTokens} answer tokens credited (spans of ${a.minSpan}+ tokens, ` +
    `counted from the prompt)${why.length ? `; not credited: ${why.join(', ')}` : ''}${paid}`
  );
}
