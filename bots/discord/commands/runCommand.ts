import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { followRun } from '../followRun.ts';
import { BRAND } from '../render/datanetEmbed.ts';
import { progressBar, relativeTime } from '../render/format.ts';

export const runCommand: CommandModule = {
  name: 'run',
  definition: () =>
    new SlashCommandBuilder()
      .setName('run')
      .setDescription('Training runs')
      .addSubcommand((s) =>
        s
          .setName('status')
          .setDescription("A run's live progress, or your recent runs")
          .addIntegerOption((o) =>
            o.setName('run').setDescription('Run number; empty lists your runs').setMinValue(1),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('cancel')
          .setDescription('Cancel your queued or running training run')
          .addIntegerOption((o) =>
            o.setName('run').setDescription('Run number').setRequired(true).setMinValue(1),
          ),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const runId = interaction.options.getInteger('run');
    if (interaction.options.getSubcommand() === 'cancel') {
      const run = await ctx.app.training.cancel({
        accountId: await accountOf(ctx, interaction.user),
        runId: String(runId),
      });
      await interaction.editReply(`⏹️ Training run #${run.id} is ${run.status}.`);
      return;
    }
    if (runId !== null) {
      await followRun(interaction, ctx, await ctx.app.training.get({ runId: String(runId) }));
      return;
    }
    const runs = await ctx.app.training.list({
      developerAccountId: await accountOf(ctx, interaction.user),
      limit: 10,
    });
    const lines = runs.map(
      (r) =>
        `**#${r.id}** · ${r.status} · ${progressBar(r.progress, 8)} · started ${relativeTime(r.createdAt)}`,
    );
    await interaction.editReply({
      embeds: [
        new EmbedBuilder()
          .setColor(BRAND)
          .setTitle('🧪 Your training runs')
          .setDescription(lines.join('\n') || 'No runs yet. Start one with `/train`.'),
      ],
    });
  },
};
