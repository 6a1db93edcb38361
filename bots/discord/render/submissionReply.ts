import type { SubmitContributionsResult } from '../../../src/contributions/submitContributions.ts';
import type { Datanet } from '../../../src/datanets/datanetStore.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { clip } from './format.ts';

/** What a contributor reads after /contribute: what was accepted, what was refused and why. */
export function submissionReply(
  result: SubmitContributionsResult,
  datanet: Datanet,
  hasReviewChannel: boolean,
  tr: Translator = translator('en'),
): string {
  const lines: string[] = [];
  const ok = result.accepted;
  const name = `**${datanet.name}**`;
  if (ok.length === 1) {
    const a = ok[0];
    lines.push(tr.t('dc-sub-one', { id: a.contributionId, datanet: name }));
    lines.push(tr.t('dc-sub-checks', { score: a.checkScore, language: a.language }));
    // The checks' notes come from the core, in English.
    for (const p of a.problems.slice(0, 5)) lines.push(`-# ⚠️ ${p}`);
  } else if (ok.length > 1) {
    lines.push(
      tr.t('dc-sub-many', {
        count: ok.length,
        datanet: name,
        first: ok[0].contributionId,
        last: ok[ok.length - 1].contributionId,
      }),
    );
    const flagged = ok.filter((a) => a.problems.length > 0).length;
    if (flagged) lines.push(`-# ${tr.t('dc-sub-flagged', { count: flagged })}`);
  }
  for (const a of ok.filter((x) => x.nearDuplicateOf).slice(0, 5)) {
    const percent = tr.figure(`${Math.round((a.nearDuplicateSimilarity ?? 0) * 100)}%`);
    lines.push(
      `-# ${tr.t('dc-sub-near', { id: a.contributionId, other: a.nearDuplicateOf ?? '', percent })}`,
    );
  }
  if (ok.length > 0) {
    lines.push(tr.t('dc-sub-deposit', { amount: tr.amount(result.depositTotal) }));
    lines.push(tr.t(hasReviewChannel ? 'dc-sub-review-channel' : 'dc-sub-review-command'));
  }
  if (result.refused.length > 0) {
    lines.push(
      ok.length ? tr.t('dc-sub-refused-some', { count: result.refused.length }) : tr.t('dc-sub-refused-all'),
    );
    for (const r of result.refused.slice(0, 8)) {
      lines.push(
        `• ${result.refused.length > 1 || ok.length ? tr.t('dc-sub-item', { index: r.index + 1, message: r.message }) : r.message}`,
      );
    }
    if (result.refused.length > 8) lines.push(tr.t('dc-sub-more', { count: result.refused.length - 8 }));
  }
  return clip(lines.join('\n'), 1900);
}
