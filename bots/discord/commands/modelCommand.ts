import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { badInput } from '../../../src/errors.ts';
import { parseTokens } from '../../../src/shared/amount.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete } from '../datanetOption.ts';
import { modelAutocomplete } from '../modelOption.ts';
import { BRAND } from '../render/datanetEmbed.ts';
import { modelEmbed } from '../render/modelEmbed.ts';
import { roleRulesOf } from '../roleRulesOf.ts';

/** "40/40/10/10" (percent, developer/data/validators/protocol) → basis points; the use case checks the sum. */
function parseSplit(text: string) {
  const parts = text.split('/').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p) || p < 0)) {
    throw badInput('split: give four percentages developer/data/validators/protocol, like 40/40/10/10.');
  }
  const [developerBps, dataBps, validatorsBps, protocolBps] = parts.map((p) => Math.round(p * 100));
  return { developerBps, dataBps, validatorsBps, protocolBps };
}

export const modelCommand: CommandModule = {
  name: 'model',
  definition: () =>
    new SlashCommandBuilder()
      .setName('model')
      .setDescription('Published models: paid calls that pay the people behind the data')
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) =>
        s
          .setName('publish')
          .setDescription('Publish your succeeded training run as a paid model')
          .addIntegerOption((o) =>
            o.setName('run').setDescription('Training run number').setRequired(true).setMinValue(1),
          )
          .addStringOption((o) =>
            o.setName('name').setDescription('Model name').setRequired(true).setMaxLength(64),
          )
          .addStringOption((o) =>
            o.setName('price').setDescription('POT per call, e.g. 0.5').setRequired(true),
          )
          .addStringOption((o) =>
            o
              .setName('split')
              .setDescription('Percent for developer/data/validators/protocol, e.g. 40/40/10/10')
              .setRequired(true),
          )
          .addStringOption((o) =>
            o.setName('description').setDescription('What it is good for').setMaxLength(1000),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('list')
          .setDescription('Published models')
          .addStringOption((o) =>
            o.setName('datanet').setDescription('Only this datanet').setAutocomplete(true),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('info')
          .setDescription("A model's terms and earnings")
          .addStringOption((o) =>
            o.setName('model').setDescription('Model').setRequired(true).setAutocomplete(true),
          ),
      )
      .toJSON(),
  acknowledge: 'public',
  async autocomplete(interaction, ctx) {
    if (interaction.options.getFocused(true).name === 'datanet') await datanetAutocomplete(interaction, ctx);
    else await modelAutocomplete(interaction, ctx);
  },
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const o = interaction.options;
    if (sub === 'publish') {
      const { model } = await ctx.app.models.publish({
        accountId: await accountOf(ctx, interaction.user),
        runId: String(o.getInteger('run', true)),
        roleRules: await roleRulesOf(ctx, interaction),
        name: o.getString('name', true),
        description: o.getString('description') ?? '',
        pricePerCall: parseTokens(o.getString('price', true)),
        split: parseSplit(o.getString('split', true)),
        idempotencyKey: idempotencyKeyOf(interaction),
      });
      const datanet = await ctx.app.datanets.get({ datanet: model.datanetId });
      await interaction.editReply({
        content: `${interaction.user} published a model.`,
        embeds: [modelEmbed(model, datanet.name, ctx.tr)],
      });
      return;
    }
    if (sub === 'info') {
      const model = await ctx.app.models.get({ model: o.getString('model', true) });
      const datanet = await ctx.app.datanets.get({ datanet: model.datanetId });
      await interaction.editReply({ embeds: [modelEmbed(model, datanet.name, ctx.tr)] });
      return;
    }
    const datanetRef = o.getString('datanet');
    const datanet = datanetRef ? await ctx.app.datanets.get({ datanet: datanetRef }) : null;
    const models = await ctx.app.models.list({ datanetId: datanet?.id, limit: 25 });
    const lines = models.map(
      (m) =>
        `**${m.name}** · ${ctx.tr.t('dc-model-list-line', { price: ctx.tr.amount(m.pricePerCall), calls: m.usage.calls })}`,
    );
    await interaction.editReply({
      embeds: [
        new EmbedBuilder()
          .setColor(BRAND)
          .setTitle(`🤖 ${ctx.tr.t('dc-model-list-title')}${datanet ? ` · ${datanet.name}` : ''}`)
          .setDescription(lines.join('\n') || ctx.tr.t('dc-model-list-none')),
      ],
    });
  },
};
