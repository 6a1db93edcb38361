import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { BRAND } from '../render/datanetEmbed.ts';
import { pot } from '../render/format.ts';

const ROLES = [
  ['contributor', '📝 As contributor'],
  ['validator', '🛡️ As validator'],
  ['developer', '🧪 As developer'],
] as const;

export const rewardsCommand: CommandModule = {
  name: 'rewards',
  definition: () =>
    new SlashCommandBuilder()
      .setName('rewards')
      .setDescription('Your balance, what you earned by role, and what you can claim')
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const accountId = await accountOf(ctx, interaction.user);
    const [balance, rewards] = await Promise.all([
      ctx.app.ledger.getBalance({ accountId }),
      ctx.app.rewards.getRewards({ accountId, historyLimit: 0 }),
    ]);
    const embed = new EmbedBuilder()
      .setColor(BRAND)
      .setTitle('💰 Your rewards')
      .addFields(
        { name: 'Available', value: pot(balance.available), inline: true },
        { name: 'Staked', value: pot(balance.staked), inline: true },
        { name: 'In deposits', value: pot(balance.inDeposits), inline: true },
        ...ROLES.map(([role, label]) => ({
          name: label,
          value: pot(rewards.earnedByRole[role] ?? 0n),
          inline: true,
        })),
        { name: 'Claimable on chain', value: pot(rewards.claimable), inline: true },
        {
          name: 'Waiting for the next epoch',
          value: pot(rewards.uncommitted > 0n ? rewards.uncommitted : 0n),
          inline: true,
        },
        { name: 'Claimed', value: pot(rewards.claimed), inline: true },
      )
      .setFooter({
        text: rewards.wallet
          ? `Wallet ${rewards.wallet} · claim with /claim`
          : 'Link a wallet with /wallet link to receive earnings on chain',
      });
    await interaction.editReply({ embeds: [embed] });
  },
};
