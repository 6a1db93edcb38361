import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import { shownAmounts, shownPercents } from '../../../src/inference/shownShares.ts';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';
import { neuralField } from '../render/neuralField.ts';

const en = translator('en');

/** /receipt <id>: a paid answer's full receipt (public, like the payouts it names). */
export const receiptCommand: CommandModule = {
  name: 'receipt',
  definition: () =>
    new SlashCommandBuilder()
      .setName('receipt')
      .setDescription(en.t('dc-receipt-description'))
      .setDescriptionLocalizations(localizations('dc-receipt-description'))
      .addStringOption((o) =>
        o
          .setName('id')
          .setDescription(en.t('dc-chart-receipt-id'))
          .setDescriptionLocalizations(localizations('dc-chart-receipt-id'))
          .setRequired(true)
          .setMaxLength(20),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const { tr } = ctx;
    const r = await ctx.app.inference.getReceipt({
      receiptId: interaction.options.getString('id', true).replace(/^#/, ''),
      viewerAccountId: await accountOf(ctx, interaction.user),
    });
    const credited = r.attribution.contributions;
    // Rounded so what is shown adds up to the data and validator parts exactly.
    const percents = shownPercents(credited.map((c) => BigInt(c.units)));
    const data = shownAmounts(credited.map((c) => BigInt(c.data)));
    const validators = shownAmounts(credited.map((c) => BigInt(c.validators)));
    const lines = credited.slice(0, 15).map((c, i) =>
      tr.t('dc-receipt-line', {
        id: c.contributionId,
        share: tr.figure(percents[i]),
        data: tr.amount(data[i]),
        validators: tr.amount(validators[i]),
      }),
    );
    if (credited.length > 15) lines.push(tr.t('receipt-more', { count: tr.number(credited.length - 15) }));
    const embed = new EmbedBuilder()
      .setColor(BRAND)
      .setTitle(`🧾 ${tr.t('dc-receipt-title', { id: r.receiptId })}`)
      .addFields(
        { name: tr.t('dc-receipt-fee'), value: tr.amount(BigInt(r.fee)), inline: true },
        {
          name: tr.t('dc-receipt-split'),
          value: tr.t('receipt-parts', {
            developer: tr.amount(BigInt(r.parts.developer)),
            data: tr.amount(BigInt(r.parts.data)),
            validators: tr.amount(BigInt(r.parts.validators)),
            protocol: tr.amount(BigInt(r.parts.protocol)),
          }),
        },
        {
          name: tr.t('dc-receipt-credited'),
          value: (lines.join('\n') || tr.t('receipt-no-credit')).slice(0, 1024),
        },
      )
      .setTimestamp(new Date(r.settledAt));
    const neural = neuralField(r.neural, tr);
    if (neural) embed.addFields(neural);
    embed.addFields({ name: tr.t('dc-receipt-hash'), value: `\`${r.receiptHash}\`` });
    await interaction.editReply({ embeds: [embed] });
  },
};
