import { EmbedBuilder } from 'discord.js';
import type { DiscordConfig } from '../../../src/config.ts';
import type { Datanet } from '../../../src/datanets/datanetView.ts';
import { reviewChannelFor } from '../reviews/reviewChannelFor.ts';
import { bytes, clip, percent, pot } from './format.ts';

export const BRAND = 0xe8a33d;

/** A datanet's rules and state, as /datanet info and /datanet create show them. */
export function datanetEmbed(d: Datanet, config: DiscordConfig): EmbedBuilder {
  const channel = reviewChannelFor(config, d);
  const c = d.counts;
  return new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`📚 ${d.name}`)
    .setDescription(d.description ? clip(d.description, 1000) : null)
    .addFields(
      { name: 'Languages', value: d.languages.length ? d.languages.join(', ') : 'any', inline: true },
      { name: 'Deposit per item', value: pot(d.deposit), inline: true },
      { name: 'Validator stake', value: `at least ${pot(d.minStake)}`, inline: true },
      {
        name: 'Decision',
        value: `${d.quorumVotes} vote${d.quorumVotes === 1 ? '' : 's'}, ${percent(d.approvalBps)} of stake`,
        inline: true,
      },
      { name: 'Validation reward', value: `${pot(d.validationReward)} per decision`, inline: true },
      { name: 'Reward pool', value: pot(d.poolBalance), inline: true },
      {
        name: 'Daily quota',
        value: `${d.dailyItems} items, ${bytes(d.dailyBytes)} per person`,
        inline: true,
      },
      {
        name: 'Contributions',
        value: `${c.approved} approved · ${c.pending} pending · ${c.rejected} rejected · ${c.contributors} contributors`,
      },
      { name: 'Review channel', value: channel ? `<#${channel}>` : 'none yet (use /review)', inline: true },
    )
    .setFooter({ text: `Datanet #${d.id}` });
}
