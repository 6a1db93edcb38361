import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { relativeTime } from '../render/format.ts';

export const linkCommand: CommandModule = {
  name: 'link',
  definition: () =>
    new SlashCommandBuilder()
      .setName('link')
      .setDescription('Join your Telegram identity to this account (one balance, one history)')
      .addStringOption((o) =>
        o
          .setName('code')
          .setDescription('A code from the Telegram bot; leave empty to get a code for Telegram')
          .setMaxLength(32),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const code = interaction.options.getString('code');
    if (code) {
      const r = await ctx.app.accounts.redeemLinkCode({ identity: `discord:${interaction.user.id}`, code });
      await interaction.editReply(
        r.alreadyLinked
          ? 'This Discord account was already linked there.'
          : '🔗 Linked: Discord and Telegram now share one account.',
      );
      return;
    }
    const { code: fresh, expiresAt } = await ctx.app.accounts.createLinkCode({
      accountId: await accountOf(ctx, interaction.user),
    });
    await interaction.editReply(
      `🔗 Your one-time link code: \`${fresh}\`\nSend \`/link ${fresh}\` to the Potluck Telegram bot. It expires ${relativeTime(expiresAt)} and works once.\n-# Keep it to yourself: whoever redeems it joins your account.`,
    );
  },
};
