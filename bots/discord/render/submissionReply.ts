import type { SubmitContributionsResult } from '../../../src/contributions/submitContributions.ts';
import type { Datanet } from '../../../src/datanets/datanetView.ts';
import { clip, pot } from './format.ts';

/** What a contributor reads after /contribute: what was accepted, what was refused and why. */
export function submissionReply(
  result: SubmitContributionsResult,
  datanet: Datanet,
  hasReviewChannel: boolean,
): string {
  const lines: string[] = [];
  const ok = result.accepted;
  if (ok.length === 1) {
    const a = ok[0];
    lines.push(`✅ Contribution #${a.contributionId} to **${datanet.name}** is pending review.`);
    lines.push(`Automatic checks: score ${a.checkScore}/100 · language ${a.language}`);
    for (const p of a.problems.slice(0, 5)) lines.push(`-# ⚠️ ${p}`);
  } else if (ok.length > 1) {
    lines.push(
      `✅ ${ok.length} contributions to **${datanet.name}** are pending review (#${ok[0].contributionId}–#${ok[ok.length - 1].contributionId}).`,
    );
    const flagged = ok.filter((a) => a.problems.length > 0).length;
    if (flagged) lines.push(`-# ⚠️ ${flagged} of them have check notes validators will see.`);
  }
  for (const a of ok.filter((x) => x.nearDuplicateOf).slice(0, 5)) {
    lines.push(
      `-# 🔁 #${a.contributionId} looks like #${a.nearDuplicateOf} (${Math.round((a.nearDuplicateSimilarity ?? 0) * 100)}% similar); validators will compare them.`,
    );
  }
  if (ok.length > 0) {
    lines.push(`Deposit locked: ${pot(result.depositTotal)} (returned if approved).`);
    lines.push(
      hasReviewChannel
        ? 'Validators will vote on it in the review channel.'
        : 'Validators will find it with /review.',
    );
  }
  if (result.refused.length > 0) {
    lines.push(ok.length ? `❌ ${result.refused.length} refused:` : '❌ Nothing was accepted:');
    for (const r of result.refused.slice(0, 8)) {
      lines.push(`• ${result.refused.length > 1 || ok.length ? `item ${r.index + 1}: ` : ''}${r.message}`);
    }
    if (result.refused.length > 8) lines.push(`…and ${result.refused.length - 8} more.`);
  }
  return clip(lines.join('\n'), 1900);
}
