import {
  type ChatInputCommandInteraction,
  DiscordAPIError,
  type Message,
  RESTJSONErrorCodes,
} from 'discord.js';
import type { TrainingRun } from '../../src/training/trainingRunStore.ts';
import type { BotContext } from './context.ts';
import { runEmbed } from './render/runEmbed.ts';

/**
 * Edits the command's reply in place as the run advances, until it finishes or the bot stops.
 * An interaction's reply can only be edited for 15 minutes; a longer run continues in a channel
 * message of its own.
 */
export async function followRun(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  first: TrainingRun,
): Promise<void> {
  const runId = first.id;
  const datanet = await ctx.app.datanets.get({ datanet: first.datanetId });
  let fallback: Message | null = null;
  const show = async (embeds: ReturnType<typeof runEmbed>[]) => {
    if (fallback) {
      await fallback.edit({ embeds });
      return;
    }
    try {
      await interaction.editReply({ content: '', embeds });
    } catch (error) {
      const expired =
        error instanceof DiscordAPIError &&
        (error.code === RESTJSONErrorCodes.InvalidWebhookToken ||
          error.code === RESTJSONErrorCodes.UnknownWebhook);
      const channel = interaction.channel;
      if (!expired || !channel?.isSendable() || interaction.ephemeral) throw error;
      fallback = await channel.send({ embeds });
    }
  };
  // The run as the command found it comes first, so even one that finishes at once shows its start.
  await show([runEmbed(first, datanet.name, ctx.tr)]);
  let last = `${first.status}|${first.progress}|${first.progressMessage}`;
  const runs = ctx.app.training.watch({
    runId,
    intervalMs: ctx.config.discord.progressMs,
    signal: ctx.shutdown,
  });
  for await (const run of runs) {
    const key = `${run.status}|${run.progress}|${run.progressMessage}`;
    if (key !== last) await show([runEmbed(run, datanet.name, ctx.tr)]);
    last = key;
  }
}
