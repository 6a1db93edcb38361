import { SlashCommandBuilder } from 'discord.js';
import { parseTokens } from '../../../src/shared/amount.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { modelAutocomplete } from '../modelOption.ts';
import { answerEmbed } from '../render/answerEmbed.ts';

export const askCommand: CommandModule = {
  name: 'ask',
  definition: () =>
    new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a published model; you pay its price and get a receipt of whose data it used')
      .addStringOption((o) =>
        o.setName('model').setDescription('Model').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('prompt')
          .setDescription('Your question or the start of a text')
          .setRequired(true)
          .setMaxLength(4000),
      )
      .addStringOption((o) =>
        o.setName('max_fee').setDescription('Refuse if the call costs more than this many POT'),
      )
      .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
      .toJSON(),
  acknowledge: (i) => (i.options.getBoolean('private') ? 'ephemeral' : 'public'),
  autocomplete: modelAutocomplete,
  async execute(interaction, ctx) {
    const model = await ctx.app.models.get({ model: interaction.options.getString('model', true) });
    const prompt = interaction.options.getString('prompt', true);
    const maxFee = interaction.options.getString('max_fee');
    // The interaction id is the key: a redelivered /ask returns the same receipt and charges once.
    const result = await ctx.app.inference.invoke({
      accountId: await accountOf(ctx, interaction.user),
      modelId: model.id,
      prompt,
      maxFee: maxFee === null ? undefined : parseTokens(maxFee),
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    const receiptPage = `${ctx.config.walletPage.publicUrl}/receipts/${result.receipt.receiptId}`;
    await interaction.editReply({ embeds: [answerEmbed(prompt, result, model, ctx.tr, receiptPage)] });
  },
};
