import { EmbedBuilder } from 'discord.js';
import type { TrainingRun } from '../../../src/training/trainingRunStore.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip, progressBar } from './format.ts';

const LOOK: Record<TrainingRun['status'], { mark: string; color: number }> = {
  queued: { mark: '⏳', color: BRAND },
  running: { mark: '🧪', color: BRAND },
  succeeded: { mark: '✅', color: 0x3ba55c },
  failed: { mark: '❌', color: 0xed4245 },
  cancelled: { mark: '⏹️', color: 0x99aab5 },
};

/** One training run as a progress message: bar, stage, and what to do once it is done. */
export function runEmbed(run: TrainingRun, datanetName: string): EmbedBuilder {
  const look = LOOK[run.status];
  const lines = [`**${run.status}** · ${run.progressMessage || '…'}`, progressBar(run.progress)];
  if (run.status === 'succeeded') {
    lines.push(`Publish it with \`/model publish run:${run.id}\`.`);
  }
  if (run.status === 'failed' && run.error) lines.push(`Error: ${clip(run.error, 500)}`);
  return new EmbedBuilder()
    .setColor(look.color)
    .setTitle(`${look.mark} Training run #${run.id} · ${datanetName}`.slice(0, 256))
    .setDescription(lines.join('\n'))
    .addFields(
      {
        name: 'Snapshot',
        value: `${run.contributionCount} approved contributions\n\`${run.snapshotRoot.slice(0, 18)}…\``,
        inline: true,
      },
      {
        name: 'Model',
        value:
          run.options.kind === 'lora'
            ? `LoRA on ${clip(run.options.baseModel, 60)}`
            : run.options.baseModel
              ? `∞-gram + ${clip(run.options.baseModel, 60)}`
              : '∞-gram (words)',
        inline: true,
      },
      ...(run.artifactHash
        ? [{ name: 'Artifact', value: `\`${run.artifactHash.slice(0, 16)}…\``, inline: true }]
        : []),
    );
}
