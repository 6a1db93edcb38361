import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { type TrainingRunWire, trainingRunOut } from '../modelWireSchemas.ts';
import { followTrainingRun, waitSecondsInput } from './followTrainingRun.ts';

export const getTrainingRun = defineTool({
  name: 'get_training_run',
  title: 'Get a training run',
  description:
    'A training run: status (queued, running, succeeded, failed, cancelled), progress, snapshot root and artifact hash. With waitSeconds it follows the run and reports progress.',
  input: { runId: idInput('Training run'), waitSeconds: waitSecondsInput },
  output: { run: trainingRunOut },
  annotations: READ_ONLY,
  run: async (args, { app }, extra) => ({
    run: await followTrainingRun(app, args.runId, args.waitSeconds, extra),
  }),
  render: ({ run }) => describeRun(run),
});

export function describeRun(r: TrainingRunWire): string {
  const pct = Math.round(r.progress * 100);
  return (
    `Training run #${r.id} on datanet #${r.datanetId}: ${r.status} (${pct}%${r.progressMessage ? `, ${r.progressMessage}` : ''}); ` +
    `${r.contributionCount} contributions, snapshot ${r.snapshotRoot}` +
    (r.artifactHash ? `, artifact ${r.artifactHash}` : '') +
    (r.error ? `. Error: ${r.error}` : '')
  );
}
