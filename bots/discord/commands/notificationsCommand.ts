import { SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import { describeInterval } from '../../shared/describeInterval.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';
import { getEventSubscription, setEventSubscription } from '../store/eventNotificationStore.ts';

const en = translator('en');

/**
 * /notifications [on|off]: DMs about the caller's own activity (a contribution decided, a training
 * run finished, tokens to claim), batched and rate-limited. Off until asked for: a DM nobody asked
 * for reads as spam. Without an option it shows the setting.
 */
export const notificationsCommand: CommandModule = {
  name: 'notifications',
  definition: () =>
    new SlashCommandBuilder()
      .setName('notifications')
      .setDescription(en.t('cmd-notifications-description'))
      .setDescriptionLocalizations(localizations('cmd-notifications-description'))
      .addStringOption((o) =>
        o
          .setName('state')
          .setDescription(en.t('cmd-notifications-option'))
          .setDescriptionLocalizations(localizations('cmd-notifications-option'))
          .addChoices(
            {
              name: en.t('notifications-choice-on'),
              name_localizations: localizations('notifications-choice-on'),
              value: 'on',
            },
            {
              name: en.t('notifications-choice-off'),
              name_localizations: localizations('notifications-choice-off'),
              value: 'off',
            },
          ),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const { app, tr } = ctx;
    const sql = app.database.sql;
    const state = interaction.options.getString('state');
    const limit = {
      max: app.config.notifications.maxMessages,
      every: describeInterval(app.config.notifications.windowSeconds, tr),
    };
    if (state !== 'on' && state !== 'off') {
      const on = (await getEventSubscription(sql, interaction.user.id))?.enabled ?? false;
      await interaction.editReply(tr.t(on ? 'notifications-status-on' : 'notifications-status-off', limit));
      return;
    }
    await accountOf(ctx, interaction.user);
    await setEventSubscription(sql, {
      discordUserId: interaction.user.id,
      enabled: state === 'on',
      now: app.deps.now(),
    });
    await interaction.editReply(
      tr.t(state === 'on' ? 'notifications-now-on' : 'notifications-now-off', limit),
    );
  },
};
