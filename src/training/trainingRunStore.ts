import type postgres from 'postgres';
import type { Db } from '../db/openDatabase.ts';
import type { RunOptions } from './trainingOptions.ts';

export type TrainingRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface TrainingRun {
  id: string;
  datanetId: string;
  developerAccountId: string;
  status: TrainingRunStatus;
  options: RunOptions;
  snapshotRoot: string;
  contributionCount: number;
  /** 0–1, with a message a progress bar can show. */
  progress: number;
  progressMessage: string;
  attempts: number;
  artifactHash: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const isFinished = (status: TrainingRunStatus) =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

interface Row {
  id: string;
  datanet_id: string;
  developer_account_id: string;
  status: TrainingRunStatus;
  options: RunOptions;
  snapshot_root: string;
  contribution_count: number;
  progress: number;
  progress_message: string;
  attempts: number;
  artifact_hash: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Runs matching `where` (a fragment over alias r), newest first. The id list itself is never read here. */
export async function selectTrainingRuns(
  db: Db,
  where: postgres.Fragment,
  limit = 1,
): Promise<TrainingRun[]> {
  const rows = await db<Row[]>`
    select r.id, r.datanet_id, r.developer_account_id, r.status, r.options, r.snapshot_root,
      cardinality(r.contribution_ids) as contribution_count, r.progress, r.progress_message, r.attempts,
      r.artifact_hash, r.error, r.created_at, r.started_at, r.finished_at
    from training_runs r where ${where} order by r.id desc limit ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    datanetId: r.datanet_id,
    developerAccountId: r.developer_account_id,
    status: r.status,
    options: r.options,
    snapshotRoot: r.snapshot_root,
    contributionCount: Number(r.contribution_count),
    progress: Number(r.progress),
    progressMessage: r.progress_message,
    attempts: r.attempts,
    artifactHash: r.artifact_hash,
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}

/** What publishing needs from a run, share-locked so the run cannot change while its model is written. */
export interface RunForPublish {
  developerAccountId: string;
  datanetId: string;
  status: string;
  artifactHash: string | null;
  snapshotRoot: string;
  baseModel: string | null;
  manifestKind: string | null;
  loraBase: string | null;
  adapterHash: string | null;
}

export async function lockRunForPublish(tx: Db, runId: string): Promise<RunForPublish | null> {
  const [run] = await tx<
    {
      developer_account_id: string;
      datanet_id: string;
      status: string;
      artifact_hash: string | null;
      snapshot_root: string;
      base_model: string | null;
      manifest_kind: string | null;
      lora_base: string | null;
      adapter_hash: string | null;
    }[]
  >`
    select developer_account_id, datanet_id, status, artifact_hash, snapshot_root,
      options->>'baseModel' as base_model, manifest->>'kind' as manifest_kind,
      manifest->'baseModel'->>'name' as lora_base, manifest->'files'->'loraGguf'->>'sha256' as adapter_hash
    from training_runs where id = ${runId} for share`;
  if (!run) return null;
  return {
    developerAccountId: run.developer_account_id,
    datanetId: run.datanet_id,
    status: run.status,
    artifactHash: run.artifact_hash,
    snapshotRoot: run.snapshot_root,
    baseModel: run.base_model,
    manifestKind: run.manifest_kind,
    loraBase: run.lora_base,
    adapterHash: run.adapter_hash,
  };
}

/** The run's training snapshot: approved contribution ids in index order; null for no such run. */
export async function snapshotContributionIds(db: Db, runId: string): Promise<string[] | null> {
  const [run] = await db<{ contribution_ids: string[] }[]>`
    select contribution_ids from training_runs where id = ${runId}`;
  return run ? run.contribution_ids.map(String) : null;
}

/** Runs by status, for the metrics gauges. */
export async function countRunsByStatus(db: Db): Promise<{ label: string; n: string }[]> {
  return db<{ label: string; n: string }[]>`
    select status as label, count(*)::text as n from training_runs group by status`;
}

/** Seconds finished runs took, summed by status, for the metrics gauges. */
export async function runSecondsByStatus(db: Db): Promise<{ label: string; n: string }[]> {
  return db<{ label: string; n: string }[]>`
    select status as label, coalesce(sum(extract(epoch from finished_at - started_at)), 0)::text as n
    from training_runs where finished_at is not null and started_at is not null group by status`;
}

/** An account's runs that succeeded or failed at or after `since` (a cancel is the developer's own doing). */
export async function runsFinishedSince(
  db: Db,
  input: { accountId: string; since: Date; limit: number },
): Promise<TrainingRun[]> {
  const runs = await selectTrainingRuns(
    db,
    db`r.developer_account_id = ${input.accountId} and r.status in ('succeeded', 'failed')
      and r.finished_at >= ${input.since}`,
    input.limit,
  );
  return runs.reverse();
}
