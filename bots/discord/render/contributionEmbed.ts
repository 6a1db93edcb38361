import { EmbedBuilder } from 'discord.js';
import type { Contribution } from '../../../src/contributions/contributionStore.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { clip } from './format.ts';

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
  opts: { outcome?: Outcome; nearDuplicateText?: string; footer?: string; tr?: Translator } = {},
): EmbedBuilder {
  // Review-channel posts are read by everyone, so they stay in English; /review speaks the reader's language.
  const tr = opts.tr ?? translator('en');
  const status = opts.outcome?.status ?? c.status;
  const look = LOOK[status];
  const checks = [
    tr.t('review-checks-line', {
      score: tr.figure(String(c.checkScore)),
      language: c.language,
      chars: tr.figure(String(c.chars)),
    }),
  ];
  for (const p of c.checkProblems.slice(0, 4)) checks.push(`⚠️ ${p}`);
  const embed = new EmbedBuilder()
    .setColor(look.color)
    .setTitle(`${look.mark} ${tr.t('review-card-title', { id: c.id })} · ${datanetName}`.slice(0, 256))
    .setDescription(clip(c.content, 1800))
    .addFields(
      { name: tr.t('review-checks'), value: clip(checks.join('\n'), 1024) },
      { name: tr.t('review-source'), value: clip(c.source, 200), inline: true },
      { name: tr.t('review-deposit'), value: tr.amount(c.deposit), inline: true },
    );
  if (c.nearDuplicateOf) {
    const similar = tr.t('review-near-similar', {
      id: c.nearDuplicateOf,
      percent: tr.figure(String(Math.round((c.nearDuplicateSimilarity ?? 0) * 100))),
    });
    const excerpt = opts.nearDuplicateText
      ? `\n> ${clip(opts.nearDuplicateText, 300).replace(/\n/g, '\n> ')}`
      : '';
    embed.addFields({ name: tr.t('review-near'), value: clip(`${similar}${excerpt}`, 1024) });
  }
  if (opts.outcome) {
    const o = opts.outcome;
    const tally = {
      votes: o.votes,
      for: tr.amount(o.approveWeight),
      against: tr.amount(o.rejectWeight),
    };
    const value =
      o.status === 'withdrawn'
        ? tr.t('review-outcome-withdrawn')
        : o.status === 'expired'
          ? tr.t('review-outcome-expired')
          : o.status === 'approved'
            ? tr.t('review-outcome-approved', tally)
            : tr.t('review-outcome-rejected', tally);
    embed.addFields({ name: tr.t('review-outcome'), value });
  }
  if (opts.footer) embed.setFooter({ text: opts.footer });
  return embed;
}
