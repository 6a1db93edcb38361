import { AttachmentBuilder, EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import { activityChart, type ChartReply, earningsChart, receiptChart } from '../../shared/charts.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const en = translator('en');

/** The picture as an attachment shown in the embed, and the same facts as the embed's text. */
function withPicture(reply: ChartReply) {
  const file = new AttachmentBuilder(reply.chart.png, {
    name: reply.filename,
    // Discord shows this as the image's alt text; the lines below carry the rest.
    description: reply.title.slice(0, 1024),
  });
  const embed = new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`📈 ${reply.title}`.slice(0, 256))
    .setDescription(reply.lines.join('\n').slice(0, 4096))
    .setImage(`attachment://${reply.filename}`);
  return { embeds: [embed], files: [file] };
}

/** /chart earnings|activity|receipt: a PNG drawn on the server, with its data as text. */
export const chartCommand: CommandModule = {
  name: 'chart',
  definition: () =>
    new SlashCommandBuilder()
      .setName('chart')
      .setDescription(en.t('dc-chart-description'))
      .setDescriptionLocalizations(localizations('dc-chart-description'))
      .addSubcommand((s) =>
        s
          .setName('earnings')
          .setDescription(en.t('dc-chart-earnings'))
          .setDescriptionLocalizations(localizations('dc-chart-earnings'))
          .addIntegerOption((o) =>
            o
              .setName('days')
              .setDescription(en.t('dc-chart-days'))
              .setDescriptionLocalizations(localizations('dc-chart-days'))
              .setMinValue(1)
              .setMaxValue(366),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('activity')
          .setDescription(en.t('dc-chart-activity'))
          .setDescriptionLocalizations(localizations('dc-chart-activity'))
          .addStringOption(datanetOption())
          .addIntegerOption((o) =>
            o
              .setName('days')
              .setDescription(en.t('dc-chart-days'))
              .setDescriptionLocalizations(localizations('dc-chart-days'))
              .setMinValue(1)
              .setMaxValue(366),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('receipt')
          .setDescription(en.t('dc-chart-receipt'))
          .setDescriptionLocalizations(localizations('dc-chart-receipt'))
          .addStringOption((o) =>
            o
              .setName('id')
              .setDescription(en.t('dc-chart-receipt-id'))
              .setDescriptionLocalizations(localizations('dc-chart-receipt-id'))
              .setRequired(true),
          ),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const days = interaction.options.getInteger('days') ?? undefined;
    let reply: ChartReply;
    if (sub === 'earnings') {
      const accountId = await accountOf(ctx, interaction.user);
      reply = await earningsChart(await ctx.app.ledger.earningsOverTime({ accountId, days }), ctx.tr);
    } else if (sub === 'activity') {
      const datanet = await datanetFrom(interaction, ctx);
      reply = await activityChart(
        await ctx.app.contributions.activity({ datanetId: datanet.id, days }),
        ctx.tr,
      );
    } else {
      const receipt = await ctx.app.inference.getReceipt({
        receiptId: interaction.options.getString('id', true).replace(/^#/, ''),
      });
      reply = await receiptChart(receipt, ctx.tr);
    }
    await interaction.editReply(withPicture(reply));
  },
};
