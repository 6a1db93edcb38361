import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom } from '../datanetOption.ts';
import { followRun } from '../followRun.ts';
import { roleRulesOf } from '../roleRulesOf.ts';

export const trainCommand: CommandModule = {
  name: 'train',
  definition: () =>
    new SlashCommandBuilder()
      .setName('train')
      .setDescription("Train a model on a datanet's approved contributions; progress shows here")
      .setContexts(InteractionContextType.Guild)
      .addStringOption((o) =>
        o.setName('datanet').setDescription('Datanet').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('base_model')
          .setDescription('A base model to mix in, by name (the server lists them; optional)')
          .setMaxLength(64)
          .setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('kind')
          .setDescription('∞-gram index (default) or a LoRA fine-tune of the base model')
          .addChoices({ name: '∞-gram', value: 'infini-gram' }, { name: 'LoRA fine-tune', value: 'lora' }),
      )
      .addIntegerOption((o) =>
        o.setName('lora_rank').setDescription('LoRA rank; default 8').setMinValue(1).setMaxValue(128),
      )
      .addIntegerOption((o) =>
        o.setName('lora_epochs').setDescription('LoRA epochs; default 1').setMinValue(1).setMaxValue(100),
      )
      .addIntegerOption((o) =>
        o
          .setName('min_span')
          .setDescription('Shortest match (tokens) that earns data credit; default 4')
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
