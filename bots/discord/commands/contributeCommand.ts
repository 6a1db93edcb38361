import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { Datanet } from '../../../src/datanets/datanetStore.ts';
import { badInput } from '../../../src/errors.ts';
import type { CommandModule, ComponentModule } from '../commandModule.ts';
import { accountOf, type BotContext, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete, datanetOption } from '../datanetOption.ts';
import { downloadAttachment } from '../downloadAttachment.ts';
import { submissionReply } from '../render/submissionReply.ts';
import { reviewChannelFor } from '../reviews/reviewChannelFor.ts';

// Discord's own cap on a modal text input.
const MODAL_MAX = 4000;

export const contributeCommand: CommandModule = {
  name: 'contribute',
  definition: () =>
    new SlashCommandBuilder()
      .setName('contribute')
      .setDescription(
        'Add text to a datanet: type it, attach a .txt/.md/.jsonl file, or leave both empty for a form',
      )
      .setContexts(InteractionContextType.Guild)
      .addStringOption(datanetOption())
      .addStringOption((o) =>
        o
          .setName('text')
          .setDescription('Short text; leave empty for a form with room for more')
          .setMaxLength(6000),
      )
      .addAttachmentOption((o) =>
        o.setName('file').setDescription('.txt or .md (one item) or .jsonl (one item per line)'),
      )
      .toJSON(),
  // Without text or file the answer is the form, which must be the first response.
  acknowledge: (i) => (i.options.getString('text') || i.options.getAttachment('file') ? 'ephemeral' : 'none'),
  autocomplete: datanetAutocomplete,

  async execute(interaction, ctx) {
    const datanetRef = interaction.options.getString('datanet', true);
    const text = interaction.options.getString('text');
    const file = interaction.options.getAttachment('file');
    if (!text && !file) {
      await interaction.showModal(contributeModal(datanetRef));
      return;
    }
    if (text && file) throw badInput('Send either text or a file, not both.');
    const datanet = await ctx.app.datanets.get({ datanet: datanetRef });
    const accountId = await accountOf(ctx, interaction.user);
    const result = file
      ? await ctx.app.contributions.submitFile({
          accountId,
          datanetId: datanet.id,
          filename: file.name,
          content: await downloadAttachment(file, ctx.config.limits.maxFileBytes),
          idempotencyKey: idempotencyKeyOf(interaction),
        })
      : await ctx.app.contributions.submit({
          accountId,
          datanetId: datanet.id,
          items: [{ text: text ?? '', source: 'discord' }],
          idempotencyKey: idempotencyKeyOf(interaction),
        });
    await reply(interaction, ctx, datanet, result);
  },
};

function contributeModal(datanetRef: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`contribute:${datanetRef}`.slice(0, 100))
    .setTitle('Contribute')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Your text')
        .setDescription('One item: a poem, an article, a dialogue…')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('text')
            .setStyle(TextInputStyle.Paragraph)
            .setMinLength(1)
            .setMaxLength(MODAL_MAX)
            .setRequired(true),
        ),
    );
}

async function reply(
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
  ctx: BotContext,
  datanet: Datanet,
  result: Awaited<ReturnType<BotContext['app']['contributions']['submit']>>,
) {
  await interaction.editReply(
    submissionReply(result, datanet, Boolean(reviewChannelFor(ctx.config.discord, datanet)), ctx.tr),
  );
  if (result.accepted.length > 0) ctx.nudgeReviews();
}

/** The long-text form's submission. */
export const contributeModalHandler: ComponentModule = {
  prefix: 'contribute',
  acknowledge: 'ephemeral',
  async modal(interaction, args, ctx) {
    const datanet = await ctx.app.datanets.get({ datanet: args.join(':') });
    const result = await ctx.app.contributions.submit({
      accountId: await accountOf(ctx, interaction.user),
      datanetId: datanet.id,
      items: [{ text: interaction.fields.getTextInputValue('text'), source: 'discord' }],
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    await reply(interaction, ctx, datanet, result);
  },
};
