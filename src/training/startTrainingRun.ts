import { z } from 'zod';
import { requirePermission, roleRulesSchema } from '../accounts/requirePermission.ts';
import { datanetExists } from '../datanets/datanetStore.ts';
import { AppError, invalidState, notFound } from '../errors.ts';
import { resolveBaseModel } from '../ml/baseModelCatalog.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withIdempotency } from '../shared/withIdempotency.ts';
import { snapshotContributions } from './snapshotContributions.ts';
import { resolveTrainingOptions, trainingOptionsSchema } from './trainingOptions.ts';
import { selectTrainingRuns, type TrainingRun } from './trainingRunStore.ts';

const params = z.object({
  /** The role mapping where this is asked (a Discord server's /settings); see requirePermission. */
  roleRules: roleRulesSchema,
  accountId: idSchema,
  datanetId: idSchema,
  options: trainingOptionsSchema.prefault({}),
  idempotencyKey: z.string().min(1).max(200),
});
export type StartTrainingRunParams = z.input<typeof params>;

export interface StartTrainingRunResult {
  run: TrainingRun;
  replayed: boolean;
}

export const trainingJobId = (runId: string) => `training-run-${runId}`;

/**
 * Snapshots the datanet's approved contributions and queues a build. The run row commits before
 * the job is enqueued; if the process dies in between, the queue's boot recovery finds the run
 * still queued and enqueues it (job ids are derived from the run id, so never twice).
 */
export async function startTrainingRun(
  deps: Deps,
  input: StartTrainingRunParams,
): Promise<StartTrainingRunResult> {
  const p = parseInput(params, input);
  await requirePermission(deps.sql, deps.config, p.accountId, 'train', p.roleRules);
  const options = resolveTrainingOptions(p.options);
  // Only the operator's catalog, by name: a path here would let users probe the server's disk.
  if (options.baseModel) await resolveBaseModel(deps.config.training.baseModelsDir, options.baseModel);
  const { result, replayed } = await deps.sql.begin((tx) =>
    withIdempotency(
      tx,
      { accountId: p.accountId, key: p.idempotencyKey, operation: 'training.start', request: p },
      async () => {
        if (!(await datanetExists(tx, p.datanetId))) throw notFound('Datanet', p.datanetId);
        const snapshot = await snapshotContributions(tx, p.datanetId);
        if (snapshot.contributionIds.length === 0) {
          throw invalidState('This datanet has no approved contributions yet; a model needs approved data.');
        }
        const [run] = await tx<{ id: string }[]>`
          insert into training_runs (datanet_id, developer_account_id, options, contribution_ids, snapshot_root)
          values (${p.datanetId}, ${p.accountId}, ${tx.json(options as never)},
            ${snapshot.contributionIds}::bigint[], ${snapshot.root})
          returning id`;
        return { runId: run.id };
      },
    ),
  );
  try {
    await deps.jobs.enqueue('training.run', { runId: result.runId }, { jobId: trainingJobId(result.runId) });
  } catch (error) {
    // A replay enqueues again (the job id makes it one job), so the caller's retry is the fix.
    throw new AppError(
      'UNAVAILABLE',
      `Training run ${result.runId} is saved but the job queue is unreachable; retry with the same idempotency key.`,
      { runId: result.runId },
      { cause: error },
    );
  }
  const [run] = await selectTrainingRuns(deps.sql, deps.sql`r.id = ${result.runId}`);
  deps.log.info('training run queued', { runId: run.id, datanetId: run.datanetId, replayed });
  return { run, replayed };
}
