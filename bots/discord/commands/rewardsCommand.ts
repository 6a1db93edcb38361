import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const ROLES = [
  ['contributor', 'dc-rewards-as-contributor'],
  ['validator', 'dc-rewards-as-validator'],
  ['developer', 'dc-rewards-as-developer'],
] as const;

export const rewardsCommand: CommandModule = {
  name: 'rewards',
  definition: () =>
    new SlashCommandBuilder()
      .setName('rewards')
      .setDescription(translator('en').t('dc-rewards-description'))
      .setDescriptionLocalizations(localizations('dc-rewards-description'))
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const { tr } = ctx;
    const accountId = await accountOf(ctx, interaction.user);
    const [balance, rewards] = await Promise.all([
      ctx.app.ledger.getBalance({ accountId }),
      ctx.app.rewards.getRewards({ accountId, historyLimit: 0 }),
    ]);
    const embed = new EmbedBuilder()
      .setColor(BRAND)
      .setTitle(`💰 ${tr.t('rewards-title')}`)
      .addFields(
        { name: tr.t('dc-rewards-available'), value: tr.amount(balance.available), inline: true },
        { name: tr.t('dc-rewards-staked'), value: tr.amount(balance.staked), inline: true },
        { name: tr.t('dc-rewards-deposits'), value: tr.amount(balance.inDeposits), inline: true },
        ...ROLES.map(([role, label]) => ({
          name: tr.t(label),
          value: tr.amount(rewards.earnedByRole[role] ?? 0n),
          inline: true,
        })),
        { name: tr.t('dc-rewards-claimable'), value: tr.amount(rewards.claimable), inline: true },
        {
          name: tr.t('dc-rewards-waiting'),
          value: tr.amount(rewards.uncommitted > 0n ? rewards.uncommitted : 0n),
          inline: true,
        },
        { name: tr.t('dc-rewards-claimed'), value: tr.amount(rewards.claimed), inline: true },
      )
      .setFooter({
        text: rewards.wallet
          ? tr.t('dc-rewards-wallet', { wallet: rewards.wallet })
          : tr.t('dc-rewards-no-wallet'),
      });
    await interaction.editReply({ embeds: [embed] });
  },
};
