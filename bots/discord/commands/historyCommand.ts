import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  SlashCommandBuilder,
  type User,
} from 'discord.js';
import type { Translator } from '../../i18n/translator.ts';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule, ComponentModule } from '../commandModule.ts';
import { accountOf, type BotContext } from '../context.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const en = translator('en');
const PAGE_SIZE = 10;

const ROLE = { contributor: 'role-contributor', validator: 'role-validator', developer: 'role-developer' };

/**
 * `hist:<anchor>:<page>`: the anchor is the newest ledger entry when the history was opened (0 =
 * now), so pages stay put while new payouts arrive. Only the presser's own history is ever read.
 */
export const historyButtonId = (anchor: string, page: number) => `hist:${anchor}:${page}`;

async function render(ctx: BotContext, user: User, anchor: string, page: number) {
  const tr: Translator = ctx.tr;
  const earned = await ctx.app.ledger.listEarningsSince({
    accountId: await accountOf(ctx, user),
    ...(anchor === '0' ? {} : { beforeEntryId: (BigInt(anchor) + 1n).toString() }),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });
  const fixed = anchor === '0' ? earned.cursor : anchor;
  const pages = Math.max(1, Math.ceil(earned.count / PAGE_SIZE));
  const lines = earned.entries.map((e) => {
    const where = [e.modelName, e.datanetName].filter(Boolean).join(' · ');
    return `${tr.amount(e.amount, { signed: true })} ${tr.t(ROLE[e.role])}${where ? ` · ${where}` : ''} · ${tr.date(e.at)}`;
  });
  const embed = new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`📜 ${tr.t('history-title')}`)
    .setDescription(lines.join('\n') || tr.t('history-empty'))
    .setFooter({
      text: tr.t('history-page', { page: tr.number(Math.min(page + 1, pages)), pages: tr.number(pages) }),
    });
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(historyButtonId(fixed, Math.max(0, page - 1)))
      .setLabel(tr.t('history-newer'))
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page === 0),
    new ButtonBuilder()
      .setCustomId(historyButtonId(fixed, page + 1))
      .setLabel(tr.t('history-older'))
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(!earned.hasMore),
  );
  return { embeds: [embed], components: [row] };
}

/** /history: the caller's payouts, newest first, ten to a page; only they see it. */
export const historyCommand: CommandModule = {
  name: 'history',
  definition: () =>
    new SlashCommandBuilder()
      .setName('history')
      .setDescription(en.t('dc-history-description'))
      .setDescriptionLocalizations(localizations('dc-history-description'))
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    await interaction.editReply(await render(ctx, interaction.user, '0', 0));
  },
};

export const historyButtons: ComponentModule = {
  prefix: 'hist',
  acknowledge: 'update',
  async button(interaction, [anchor, page], ctx) {
    if (!/^\d{1,19}$/.test(anchor ?? '') || !/^\d{1,6}$/.test(page ?? '')) return;
    await interaction.editReply(await render(ctx, interaction.user, anchor, Number(page)));
  },
};
