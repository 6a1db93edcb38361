import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  InteractionContextType,
  LabelBuilder,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { ReviewItem } from '../../../src/validation/listReviewQueue.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import type { CommandModule, ComponentModule } from '../commandModule.ts';
import { accountOf, type BotContext } from '../context.ts';
import { datanetAutocomplete } from '../datanetOption.ts';
import { localizations } from '../localizations.ts';
import { contributionEmbed } from '../render/contributionEmbed.ts';
import { sealedVote } from '../reviews/voteButtons.ts';

const en = translator('en');

type View = {
  content: string;
  embeds: ReturnType<typeof contributionEmbed>[];
  components: ActionRowBuilder<ButtonBuilder>[];
};

/** The oldest item this validator may still vote on, in one datanet or across those they stake on. */
async function nextItem(ctx: BotContext, accountId: string, datanetRef: string | null): Promise<View> {
  const datanets = datanetRef
    ? [await ctx.app.datanets.get({ datanet: datanetRef })]
    : await Promise.all(
        (await ctx.app.validation.status({ accountId })).stakes
          .filter((s) => s.staked > 0n)
          .map((s) => ctx.app.datanets.get({ datanet: s.datanetId })),
      );
  if (datanets.length === 0) {
    return {
      content: ctx.tr.t('dc-review-no-stake'),
      embeds: [],
      components: [],
    };
  }
  for (const d of datanets) {
    const [item] = await ctx.app.validation.reviewQueue({ accountId, datanetId: d.id, limit: 1 });
    if (item) return itemView(ctx.tr, item, d.name, d.id);
  }
  const names = datanets.map((d) => `**${d.name}**`).join(', ');
  return { content: ctx.tr.t('dc-review-empty', { names }), embeds: [], components: [] };
}

function itemView(tr: Translator, item: ReviewItem, datanetName: string, datanetId: string): View {
  const c = item.contribution;
  const embed = contributionEmbed(c, datanetName, {
    nearDuplicateText: item.nearDuplicate?.content,
    footer: tr.t('dc-review-footer', {
      closes:
        tr.language === 'en'
          ? `${item.closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
          : tr.date(item.closesAt),
    }),
    tr,
  });
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(`review:approve:${c.id}:${datanetId}`)
      .setLabel(tr.t('review-approve'))
      .setStyle(ButtonStyle.Success),
    new ButtonBuilder()
      .setCustomId(`review:reject:${c.id}:${datanetId}`)
      .setLabel(tr.t('review-reject'))
      .setStyle(ButtonStyle.Danger),
    new ButtonBuilder()
      .setCustomId(`review:next:${datanetId}`)
      .setLabel(tr.t('review-skip'))
      .setStyle(ButtonStyle.Secondary),
  );
  return { content: '', embeds: [embed], components: [row] };
}

export const reviewCommand: CommandModule = {
  name: 'review',
  definition: () =>
    new SlashCommandBuilder()
      .setName('review')
      .setDescription(en.t('dc-review-description'))
      .setDescriptionLocalizations(localizations('dc-review-description'))
      .setContexts(InteractionContextType.Guild)
      .addStringOption((o) =>
        o
          .setName('datanet')
          .setDescription(en.t('dc-review-datanet'))
          .setDescriptionLocalizations(localizations('dc-review-datanet'))
          .setAutocomplete(true),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    const accountId = await accountOf(ctx, interaction.user);
    await interaction.editReply(await nextItem(ctx, accountId, interaction.options.getString('datanet')));
  },
};

function reasonModal(tr: Translator, contributionId: string, datanetId: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`review:reason:${contributionId}:${datanetId}`)
    .setTitle(tr.t('dc-review-reject-title', { id: contributionId }).slice(0, 45))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(tr.t('dc-review-reject-why'))
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('reason')
            .setStyle(TextInputStyle.Paragraph)
            .setMaxLength(500)
            .setRequired(false),
        ),
    );
}

async function voted(
  ctx: BotContext,
  accountId: string,
  contributionId: string,
  datanetId: string,
  approve: boolean,
  reason?: string,
) {
  const line = await sealedVote(ctx, accountId, contributionId, approve, reason);
  const next = await nextItem(ctx, accountId, datanetId);
  return { ...next, content: `${line}\n${next.content}`.trim() };
}

/** Approve / Reject / Skip on a /review message, and the reject-reason form. */
export const reviewButtons: ComponentModule = {
  prefix: 'review',
  // Reject opens the reason form, which has to be the first response.
  acknowledge: (customId) => (customId.startsWith('review:reject:') ? 'none' : 'update'),
  async button(interaction, [action, first, second], ctx) {
    if (action === 'reject') {
      await interaction.showModal(reasonModal(ctx.tr, first, second));
      return;
    }
    const accountId = await accountOf(ctx, interaction.user);
    if (action === 'next') {
      await interaction.editReply(await nextItem(ctx, accountId, first));
      return;
    }
    await interaction.editReply(await voted(ctx, accountId, first, second, true));
  },
  async modal(interaction, [, contributionId, datanetId], ctx) {
    const accountId = await accountOf(ctx, interaction.user);
    const reason = interaction.fields.getTextInputValue('reason');
    await interaction.editReply(await voted(ctx, accountId, contributionId, datanetId, false, reason));
  },
};
