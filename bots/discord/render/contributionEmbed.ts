import { EmbedBuilder } from 'discord.js';
import type { Contribution } from '../../../src/contributions/contributionStore.ts';
import { clip, pot } from './format.ts';

export const APPROVE = '✅';
export const REJECT = '❌';

export interface Outcome {
  status: 'approved' | 'rejected' | 'withdrawn' | 'expired';
  votes: number;
  approveWeight: bigint;
  rejectWeight: bigint;
}

const LOOK = {
  pending: { color: 0xe8a33d, mark: '🕒' },
  approved: { color: 0x3ba55c, mark: APPROVE },
  rejected: { color: 0xed4245, mark: REJECT },
  withdrawn: { color: 0x99aab5, mark: '↩️' },
  expired: { color: 0x99aab5, mark: '⌛' },
} as const;

/**
 * A contribution as validators judge it: the text, what the automatic checks found, and a
 * near-duplicate to compare with. Used by review-channel posts and by /review.
 */
export function contributionEmbed(
  c: Contribution,
  datanetName: string,
  opts: { outcome?: Outcome; nearDuplicateText?: string; footer?: string } = {},
): EmbedBuilder {
  const status = opts.outcome?.status ?? c.status;
  const look = LOOK[status];
  const checks = [`score ${c.checkScore}/100 · language ${c.language} · ${c.chars} characters`];
  for (const p of c.checkProblems.slice(0, 4)) checks.push(`⚠️ ${p}`);
  const embed = new EmbedBuilder()
    .setColor(look.color)
    .setTitle(`${look.mark} Contribution #${c.id} · ${datanetName}`.slice(0, 256))
    .setDescription(clip(c.content, 1800))
    .addFields(
      { name: 'Automatic checks', value: clip(checks.join('\n'), 1024) },
      { name: 'Source', value: clip(c.source, 200), inline: true },
      { name: 'Deposit', value: pot(c.deposit), inline: true },
    );
  if (c.nearDuplicateOf) {
    const similar = `#${c.nearDuplicateOf} (${Math.round((c.nearDuplicateSimilarity ?? 0) * 100)}% similar)`;
    const excerpt = opts.nearDuplicateText
      ? `\n> ${clip(opts.nearDuplicateText, 300).replace(/\n/g, '\n> ')}`
      : '';
    embed.addFields({ name: '🔁 Near-duplicate of', value: clip(`${similar}${excerpt}`, 1024) });
  }
  if (opts.outcome) {
    const o = opts.outcome;
    const value =
      o.status === 'withdrawn'
        ? 'Withdrawn by the contributor.'
        : o.status === 'expired'
          ? 'The review window closed without a decision: returned to the contributor with the deposit.'
          : `${o.status === 'approved' ? 'Approved' : 'Rejected'} after ${o.votes} vote${o.votes === 1 ? '' : 's'} (stake for ${pot(o.approveWeight)}, against ${pot(o.rejectWeight)}).`;
    embed.addFields({ name: 'Outcome', value });
  }
  if (opts.footer) embed.setFooter({ text: opts.footer });
  return embed;
}
