import { SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';
import { relativeTime } from '../render/format.ts';

const en = translator('en');

export const linkCommand: CommandModule = {
  name: 'link',
  definition: () =>
    new SlashCommandBuilder()
      .setName('link')
      .setDescription(en.t('dc-link-description'))
      .setDescriptionLocalizations(localizations('dc-link-description'))
      .addStringOption((o) =>
        o
          .setName('code')
          .setDescription(en.t('dc-link-option'))
          .setDescriptionLocalizations(localizations('dc-link-option'))
          .setMaxLength(32),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const { tr } = ctx;
    const code = interaction.options.getString('code');
    if (code) {
      const r = await ctx.app.accounts.redeemLinkCode({ identity: `discord:${interaction.user.id}`, code });
      await interaction.editReply(r.alreadyLinked ? tr.t('dc-link-already') : tr.t('dc-link-done'));
      return;
    }
    const { code: fresh, expiresAt } = await ctx.app.accounts.createLinkCode({
      accountId: await accountOf(ctx, interaction.user),
    });
    // A deep link opens the Telegram bot with /start link-CODE already typed: one tap redeems it.
    const bot = ctx.config.telegram.botUsername;
    const deepLink = bot
      ? `\n${tr.t('dc-link-code-telegram', { url: `https://t.me/${bot}?start=link-${fresh}` })}`
      : '';
    await interaction.editReply(
      `${tr.t('dc-link-code', { code: `\`${fresh}\`` })}\n${tr.t('dc-link-code-how', {
        command: `\`/link ${fresh}\``,
        when: relativeTime(expiresAt),
      })}${deepLink}\n-# ${tr.t('dc-link-code-keep')}`,
    );
  },
};
