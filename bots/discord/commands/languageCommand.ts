import { SlashCommandBuilder } from 'discord.js';
import { isLanguage } from '../../../src/accounts/languages.ts';
import { LANGUAGE_NAME_IDS, pickLanguage, translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';

const en = translator('en');
const fa = translator('fa');

/** /language: the account's bot language (both bots), or back to following the Discord client. */
export const languageCommand: CommandModule = {
  name: 'language',
  definition: () =>
    new SlashCommandBuilder()
      .setName('language')
      .setDescription(en.t('cmd-language-description'))
      .setDescriptionLocalizations(localizations('cmd-language-description'))
      .addStringOption((o) =>
        o
          .setName('language')
          .setDescription(en.t('cmd-language-option'))
          .setDescriptionLocalizations(localizations('cmd-language-option'))
          .setRequired(true)
          // Each choice in its own language, so a reader finds theirs whatever the client shows.
          .addChoices(
            { name: `${fa.t('language-name-fa')} (Persian)`, value: 'fa' },
            { name: en.t('language-name-en'), value: 'en' },
            { name: `${en.t('language-choice-auto')} / ${fa.t('language-choice-auto')}`, value: 'auto' },
          ),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const choice = interaction.options.getString('language', true);
    const language = isLanguage(choice) ? choice : null;
    await ctx.app.accounts.setLanguage({ accountId: await accountOf(ctx, interaction.user), language });
    const now = translator(pickLanguage(language, interaction.locale));
    const name = now.t(LANGUAGE_NAME_IDS[now.language]);
    await interaction.editReply(
      language ? now.t('language-set', { language: name }) : now.t('language-auto', { language: name }),
    );
  },
};
