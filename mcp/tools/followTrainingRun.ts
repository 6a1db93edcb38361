import { z } from 'zod';
import type { App } from '../../src/app.ts';
import type { ToolRunExtra } from '../defineTool.ts';

export const waitSecondsInput = z
  .number()
  .int()
  .min(0)
  .max(600)
  .default(0)
  .describe(
    'wait up to this many seconds for the run to finish, with progress notifications; 0 returns at once',
  );

/**
 * Follows a run until it finishes, the wait is over or the client cancels, reporting each change
 * as a progress notification (0–1 with the run's message). Returns the run as last seen.
 */
export async function followTrainingRun(
  app: App,
  runId: string,
  waitSeconds: number,
  extra: ToolRunExtra,
): ReturnType<App['training']['get']> {
  if (waitSeconds === 0) return app.training.get({ runId });
  const signal = AbortSignal.any([extra.signal, AbortSignal.timeout(waitSeconds * 1000)]);
  let last: Awaited<ReturnType<App['training']['get']>> | null = null;
  for await (const run of app.training.watch({ runId, intervalMs: 250, signal })) {
    last = run;
    await extra.progress(run.progress, 1, `${run.status}: ${run.progressMessage}`);
  }
  return last ?? app.training.get({ runId });
}
