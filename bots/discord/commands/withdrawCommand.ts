import { SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';

const en = translator('en');

/** /withdraw <contribution>: takes back one's own pending contribution and its deposit. */
export const withdrawCommand: CommandModule = {
  name: 'withdraw',
  definition: () =>
    new SlashCommandBuilder()
      .setName('withdraw')
      .setDescription(en.t('dc-withdraw-description'))
      .setDescriptionLocalizations(localizations('dc-withdraw-description'))
      .addStringOption((o) =>
        o
          .setName('contribution')
          .setDescription(en.t('dc-withdraw-id'))
          .setDescriptionLocalizations(localizations('dc-withdraw-id'))
          .setRequired(true)
          .setMaxLength(20),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const r = await ctx.app.contributions.withdraw({
      accountId: await accountOf(ctx, interaction.user),
      contributionId: interaction.options.getString('contribution', true).replace(/^#/, ''),
    });
    await interaction.editReply(
      ctx.tr.t('dc-withdraw-done', { id: r.contributionId, amount: ctx.tr.amount(r.refunded) }),
    );
  },
};
