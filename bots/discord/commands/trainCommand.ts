import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { followRun } from '../followRun.ts';
import { localizations } from '../localizations.ts';
import { roleRulesOf } from '../roleRulesOf.ts';

const en = translator('en');
const text = (id: string) => ({ description: en.t(id), localized: localizations(id) });

export const trainCommand: CommandModule = {
  name: 'train',
  definition: () =>
    new SlashCommandBuilder()
      .setName('train')
      .setDescription(en.t('dc-train-description'))
      .setDescriptionLocalizations(localizations('dc-train-description'))
      .setContexts(InteractionContextType.Guild)
      .addStringOption(datanetOption())
      .addStringOption((o) =>
        o
          .setName('base_model')
          .setDescription(text('dc-train-base-model').description)
          .setDescriptionLocalizations(text('dc-train-base-model').localized)
          .setMaxLength(64)
          .setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('kind')
          .setDescription(text('dc-train-kind').description)
          .setDescriptionLocalizations(text('dc-train-kind').localized)
          .addChoices(
            {
              name: en.t('dc-train-kind-infini'),
              name_localizations: localizations('dc-train-kind-infini'),
              value: 'infini-gram',
            },
            {
              name: en.t('dc-train-kind-lora'),
              name_localizations: localizations('dc-train-kind-lora'),
              value: 'lora',
            },
          ),
      )
      .addIntegerOption((o) =>
        o
          .setName('lora_rank')
          .setDescription(text('dc-train-lora-rank').description)
          .setDescriptionLocalizations(text('dc-train-lora-rank').localized)
          .setMinValue(1)
          .setMaxValue(128),
      )
      .addIntegerOption((o) =>
        o
          .setName('lora_epochs')
          .setDescription(text('dc-train-lora-epochs').description)
          .setDescriptionLocalizations(text('dc-train-lora-epochs').localized)
          .setMinValue(1)
          .setMaxValue(100),
      )
      .addIntegerOption((o) =>
        o
          .setName('min_span')
          .setDescription(text('dc-train-min-span').description)
          .setDescriptionLocalizations(text('dc-train-min-span').localized)
          .setMinValue(1)
          .setMaxValue(64),
      )
      .toJSON(),
  acknowledge: 'public',
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'base_model') return datanetAutocomplete(interaction, ctx);
    const { baseModels } = await ctx.app.training.listBaseModels();
    const typed = String(focused.value).toLowerCase();
    const matches = baseModels.filter((m) => m.name.toLowerCase().startsWith(typed)).slice(0, 25);
    await interaction.respond(matches.map((m) => ({ name: m.name, value: m.name })));
  },
  async execute(interaction, ctx) {
    const datanet = await datanetFrom(interaction, ctx);
    const { run } = await ctx.app.training.start({
      accountId: await accountOf(ctx, interaction.user),
      datanetId: datanet.id,
      roleRules: await roleRulesOf(ctx, interaction),
      options: {
        kind: (interaction.options.getString('kind') as 'infini-gram' | 'lora' | null) ?? undefined,
        baseModel: interaction.options.getString('base_model') ?? undefined,
        minSpan: interaction.options.getInteger('min_span') ?? undefined,
        lora: loraOptions(
          interaction.options.getInteger('lora_rank'),
          interaction.options.getInteger('lora_epochs'),
        ),
      },
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    await followRun(interaction, ctx, run);
  },
};

/** Only the settings given: the use case fills in the rest (and refuses LoRA settings on an ∞-gram run). */
function loraOptions(rank: number | null, epochs: number | null) {
  if (rank === null && epochs === null) return undefined;
  return { ...(rank === null ? {} : { rank }), ...(epochs === null ? {} : { epochs }) };
}
