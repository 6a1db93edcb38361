import { EmbedBuilder } from 'discord.js';
import type { TrainingRun } from '../../../src/training/trainingRunStore.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip, progressBar } from './format.ts';

const LOOK: Record<TrainingRun['status'], { mark: string; color: number }> = {
  queued: { mark: '⏳', color: BRAND },
  running: { mark: '🧪', color: BRAND },
  succeeded: { mark: '✅', color: 0x3ba55c },
  failed: { mark: '❌', color: 0xed4245 },
  cancelled: { mark: '⏹️', color: 0x99aab5 },
};

const STATUS: Record<TrainingRun['status'], string> = {
  queued: 'run-status-queued',
  running: 'run-status-running',
  succeeded: 'run-status-succeeded',
  failed: 'run-status-failed',
  cancelled: 'run-status-cancelled',
};

/**
 * One training run as a progress message: bar, stage, and what to do once it is done. The stage
 * text comes from the trainer as it is; everything around it is in the reader's language.
 */
export function runEmbed(
  run: TrainingRun,
  datanetName: string,
  tr: Translator = translator('en'),
): EmbedBuilder {
  const look = LOOK[run.status];
  const lines = [
    `**${tr.t(STATUS[run.status])}** · ${run.progressMessage || '…'}`,
    progressBar(run.progress),
  ];
  if (run.status === 'succeeded') lines.push(tr.t('run-publish', { id: run.id }));
  if (run.status === 'failed' && run.error) lines.push(tr.t('run-error', { error: clip(run.error, 500) }));
  return new EmbedBuilder()
    .setColor(look.color)
    .setTitle(`${look.mark} ${tr.t('run-title', { id: run.id })} · ${datanetName}`.slice(0, 256))
    .setDescription(lines.join('\n'))
    .addFields(
      {
        name: tr.t('run-snapshot'),
        value: `${tr.t('run-snapshot-count', { count: run.contributionCount })}\n\`${run.snapshotRoot.slice(0, 18)}…\``,
        inline: true,
      },
      {
        name: tr.t('run-model'),
        value:
          run.options.kind === 'lora'
            ? tr.t('run-model-lora', { base: clip(run.options.baseModel, 60) })
            : run.options.baseModel
              ? tr.t('run-model-mixed', { base: clip(run.options.baseModel, 60) })
              : tr.t('run-model-words'),
        inline: true,
      },
      ...(run.artifactHash
        ? [{ name: tr.t('run-artifact'), value: `\`${run.artifactHash.slice(0, 16)}…\``, inline: true }]
        : []),
    );
}
