import { EmbedBuilder } from 'discord.js';
import type { DiscordConfig } from '../../../src/config.ts';
import type { Datanet } from '../../../src/datanets/datanetStore.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { reviewChannelFor, type SavedReviewChannels } from '../reviews/reviewChannelFor.ts';
import { bytes, clip, percent } from './format.ts';

export const BRAND = 0xe8a33d;

/** A datanet's rules and state, as /datanet info and /datanet create show them. */
export function datanetEmbed(
  d: Datanet,
  config: DiscordConfig,
  tr: Translator = translator('en'),
  saved?: SavedReviewChannels,
): EmbedBuilder {
  const channel = reviewChannelFor(config, d, saved);
  const c = d.counts;
  const pot = tr.amount;
  return new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`📚 ${d.name}`)
    .setDescription(d.description ? clip(d.description, 1000) : null)
    .addFields(
      {
        name: tr.t('dc-dn-languages'),
        value: d.languages.length ? d.languages.join(', ') : tr.t('dc-dn-any'),
        inline: true,
      },
      { name: tr.t('dc-dn-deposit'), value: pot(d.deposit), inline: true },
      {
        name: tr.t('dc-dn-stake'),
        value: tr.t('dc-dn-stake-value', { amount: pot(d.minStake) }),
        inline: true,
      },
      {
        name: tr.t('dc-dn-decision'),
        value: tr.t('dc-dn-decision-value', {
          votes: d.quorumVotes,
          share: tr.figure(percent(d.approvalBps)),
        }),
        inline: true,
      },
      {
        name: tr.t('dc-dn-reward'),
        value: tr.t('dc-dn-reward-value', { amount: pot(d.validationReward) }),
        inline: true,
      },
      { name: tr.t('dc-dn-pool'), value: pot(d.poolBalance), inline: true },
      {
        name: tr.t('dc-dn-quota'),
        value: tr.t('dc-dn-quota-value', { items: d.dailyItems, bytes: tr.figure(bytes(d.dailyBytes)) }),
        inline: true,
      },
      {
        name: tr.t('dc-dn-contributions'),
        value: tr.t('dc-dn-contributions-value', {
          approved: c.approved,
          pending: c.pending,
          rejected: c.rejected,
          contributors: c.contributors,
        }),
      },
      {
        name: tr.t('dc-dn-channel'),
        value: channel ? `<#${channel}>` : tr.t('dc-dn-channel-none'),
        inline: true,
      },
    )
    .setFooter({ text: tr.t('dc-dn-footer', { id: d.id }) });
}
