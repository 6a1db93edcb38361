import {
  ChannelType,
  EmbedBuilder,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { PERMISSIONS, type Permission } from '../../../src/config.ts';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import type { BotContext } from '../context.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';
import { reviewChannelFor } from '../reviews/reviewChannelFor.ts';
import { changeGuildSettings, type SettingsChange } from '../settings/changeGuildSettings.ts';
import { readGuildSettings, reviewChannelMap } from '../store/guildSettingsStore.ts';

const en = translator('en');
const PERMISSION_NAME: Record<Permission, string> = {
  'datanet.create': 'perm-datanet-create',
  'datanet.fund': 'perm-datanet-fund',
  train: 'perm-train',
  'model.publish': 'perm-model-publish',
};

const text = (id: string) => ({ description: en.t(id), localized: localizations(id) });

function withPermission(s: SlashCommandSubcommandBuilder) {
  return s.addStringOption((o) =>
    o
      .setName('permission')
      .setDescription(text('cmd-settings-permission').description)
      .setDescriptionLocalizations(text('cmd-settings-permission').localized)
      .setRequired(true)
      .addChoices(
        PERMISSIONS.map((p) => ({
          name: en.t(PERMISSION_NAME[p]),
          name_localizations: localizations(PERMISSION_NAME[p]),
          value: p,
        })),
      ),
  );
}

function withRole(s: SlashCommandSubcommandBuilder) {
  return withPermission(s).addRoleOption((o) =>
    o
      .setName('role')
      .setDescription(en.t('cmd-settings-role'))
      .setDescriptionLocalizations(localizations('cmd-settings-role'))
      .setRequired(true),
  );
}

const sub = (s: SlashCommandSubcommandBuilder, name: string, id: string) =>
  s.setName(name).setDescription(en.t(id)).setDescriptionLocalizations(localizations(id));

/**
 * /settings: a server's own Potluck settings (review channel per datanet, roles per reserved
 * action), replacing DISCORD_REVIEW_CHANNEL(S) and ROLE_PERMISSIONS for this server. Shown to
 * server admins only (default_member_permissions), and checked again when a change is made.
 */
export const settingsCommand: CommandModule = {
  name: 'settings',
  definition: () =>
    new SlashCommandBuilder()
      .setName('settings')
      .setDescription(en.t('cmd-settings-description'))
      .setDescriptionLocalizations(localizations('cmd-settings-description'))
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .addSubcommand((s) => sub(s, 'show', 'cmd-settings-show'))
      .addSubcommand((s) =>
        sub(s, 'review', 'cmd-settings-review')
          .addStringOption(datanetOption('cmd-settings-datanet'))
          .addChannelOption((o) =>
            o
              .setName('channel')
              .setDescription(en.t('cmd-settings-channel'))
              .setDescriptionLocalizations(localizations('cmd-settings-channel'))
              .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
          ),
      )
      .addSubcommand((s) => withRole(sub(s, 'allow', 'cmd-settings-allow')))
      .addSubcommand((s) => withRole(sub(s, 'disallow', 'cmd-settings-disallow')))
      .addSubcommand((s) => withPermission(sub(s, 'reset', 'cmd-settings-reset')))
      .toJSON(),
  acknowledge: 'ephemeral',
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return;
    const { tr } = ctx;
    const sql = ctx.app.database.sql;
    const o = interaction.options;
    const subcommand = o.getSubcommand();
    if (subcommand === 'show') {
      await interaction.editReply({ embeds: [await settingsEmbed(ctx, interaction.guildId)] });
      return;
    }
    const actor = { guildId: interaction.guildId, permissions: interaction.memberPermissions };
    if (subcommand === 'review') {
      const datanet = await datanetFrom(interaction, ctx);
      const channelId = o.getChannel('channel')?.id ?? null;
      await changeGuildSettings(sql, actor, { kind: 'review', datanetId: datanet.id, channelId }, tr);
      const now = reviewChannelFor(ctx.config.discord, datanet, await reviewChannelMap(sql));
      const name = `**${datanet.name}**`;
      await interaction.editReply(
        channelId
          ? tr.t('dc-settings-review-set', { datanet: name, channel: `<#${channelId}>` })
          : tr.t('dc-settings-review-cleared', { datanet: name, channel: channelText(tr, now) }),
      );
      ctx.nudgeReviews();
      return;
    }
    const permission = o.getString('permission', true) as Permission;
    const action = tr.t(PERMISSION_NAME[permission]);
    const change: SettingsChange =
      subcommand === 'reset'
        ? { kind: 'reset', permission }
        : {
            kind: subcommand === 'allow' ? 'allow' : 'disallow',
            permission,
            roleId: o.getRole('role', true).id,
          };
    const { roles } = await changeGuildSettings(sql, actor, change, tr);
    await interaction.editReply(
      roles && roles.length > 0
        ? tr.t('dc-settings-roles-now', { action, roles: roles.map((r) => `<@&${r}>`).join(', ') })
        : tr.t('dc-settings-reset-done', { action, roles: defaultRoles(ctx, permission) }),
    );
  },
};

const channelText = (tr: BotContext['tr'], channelId: string | undefined) =>
  channelId ? `<#${channelId}>` : tr.t('dc-settings-review-none');

function defaultRoles(ctx: BotContext, permission: Permission): string {
  const roles = ctx.config.rolePermissions[permission];
  return roles ? roles.join(', ') : ctx.tr.t('dc-settings-everyone');
}

async function settingsEmbed(ctx: BotContext, guildId: string): Promise<EmbedBuilder> {
  const { tr } = ctx;
  const settings = await readGuildSettings(ctx.app.database.sql, guildId);
  const review = [
    ...settings.reviewChannels.map((r) => `**${r.datanetName}** → <#${r.channelId}>`),
    tr.t('dc-settings-review-default', {
      channel: channelText(tr, ctx.config.discord.review.defaultChannelId),
    }),
  ];
  const roles = PERMISSIONS.map((p) => {
    const set = settings.rolePermissions[p];
    const who = set
      ? `${set.map((r) => `<@&${r}>`).join(', ')} (${tr.t('dc-settings-from-server')})`
      : `${defaultRoles(ctx, p)} (${tr.t('dc-settings-from-default')})`;
    return `${tr.t(PERMISSION_NAME[p])}: ${who}`;
  });
  return new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(tr.t('dc-settings-title'))
    .addFields(
      { name: tr.t('dc-settings-review-heading'), value: review.join('\n').slice(0, 1024) },
      { name: tr.t('dc-settings-roles-heading'), value: roles.join('\n').slice(0, 1024) },
    );
}
