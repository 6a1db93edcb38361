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
