import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from 'discord.js';
import type { Translator } from '../../i18n/translator.ts';
import { translator } from '../../i18n/translator.ts';
import {
  BOARD_CODE,
  BOARDS,
  type Board,
  boardOfCode,
  type LeaderboardPage,
  leaderboardPage,
} from '../../shared/leaderboardPage.ts';
import type { CommandModule, ComponentModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const en = translator('en');
const BOARD_NAME: Record<Board, string> = {
  earnings: 'lb-board-earnings',
  approved: 'lb-board-approved',
  validators: 'lb-board-validators',
};

/** `lb:<board code>:<datanet id>:<page>`: everything a page button needs, nothing personal. */
export const leaderboardButtonId = (board: Board, datanetId: string, page: number) =>
  `lb:${BOARD_CODE[board]}:${datanetId}:${page}`;

function render(tr: Translator, board: Board, p: LeaderboardPage) {
  const lines = p.lines.map((l) => (l.mine ? `**${l.text}** ← ${tr.t('lb-you')}` : l.text));
  const embed = new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`🏆 ${p.title}`.slice(0, 256))
    .setDescription((lines.join('\n') || p.empty).slice(0, 4096))
    .setFooter({ text: tr.t('lb-page', { page: tr.number(p.page + 1) }) });
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(leaderboardButtonId(board, p.datanetId, Math.max(0, p.page - 1)))
      .setLabel(tr.t('lb-prev'))
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(p.page === 0),
    new ButtonBuilder()
      .setCustomId(leaderboardButtonId(board, p.datanetId, p.page + 1))
      .setLabel(tr.t('lb-next'))
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(!p.hasMore),
  );
  return { embeds: [embed], components: [row] };
}

/**
 * /leaderboard: a datanet's top contributors (by earnings or approved items) or validators. Only
 * the caller sees it unless they ask for `public`; the page buttons edit the message in place.
 */
export const leaderboardCommand: CommandModule = {
  name: 'leaderboard',
  definition: () =>
    new SlashCommandBuilder()
      .setName('leaderboard')
      .setDescription(en.t('dc-leaderboard-description'))
      .setDescriptionLocalizations(localizations('dc-leaderboard-description'))
      .setContexts(InteractionContextType.Guild)
      .addStringOption(datanetOption())
      .addStringOption((o) =>
        o
          .setName('board')
          .setDescription(en.t('dc-leaderboard-board'))
          .setDescriptionLocalizations(localizations('dc-leaderboard-board'))
          .addChoices(
            ...BOARDS.map((b) => ({
              name: en.t(BOARD_NAME[b]),
              name_localizations: localizations(BOARD_NAME[b]),
              value: b,
            })),
          ),
      )
      .addBooleanOption((o) =>
        o
          .setName('public')
          .setDescription(en.t('dc-leaderboard-public'))
          .setDescriptionLocalizations(localizations('dc-leaderboard-public')),
      )
      .toJSON(),
  acknowledge: (interaction) => (interaction.options.getBoolean('public') ? 'public' : 'ephemeral'),
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    const board = (interaction.options.getString('board') ?? 'earnings') as Board;
    const datanet = await datanetFrom(interaction, ctx);
    const page = await leaderboardPage(ctx.app, ctx.tr, {
      board: BOARDS.includes(board) ? board : 'earnings',
      datanetId: datanet.id,
      page: 0,
      // "← you" only where only you read it: on a public board it would mark whoever pressed last.
      viewerAccountId: interaction.options.getBoolean('public')
        ? undefined
        : await accountOf(ctx, interaction.user),
    });
    await interaction.editReply(render(ctx.tr, board, page));
  },
};

/** Previous / Next under a board: the same board, another page, in the presser's language. */
export const leaderboardButtons: ComponentModule = {
  prefix: 'lb',
  acknowledge: 'update',
  async button(interaction, [code, datanetId, page], ctx) {
    const board = boardOfCode(code);
    if (!board || !/^\d{1,19}$/.test(datanetId ?? '') || !/^\d{1,4}$/.test(page ?? '')) return;
    const p = await leaderboardPage(ctx.app, ctx.tr, {
      board,
      datanetId,
      page: Number(page),
      viewerAccountId: interaction.message.flags.has(MessageFlags.Ephemeral)
        ? await accountOf(ctx, interaction.user)
        : undefined,
    });
    await interaction.editReply(render(ctx.tr, board, p));
  },
};
