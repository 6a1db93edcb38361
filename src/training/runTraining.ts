import { z } from 'zod';
import { contentsOf } from '../contributions/contributionStore.ts';
import { AppError, invalidState, notFound } from '../errors.ts';
import type { ArtifactManifest } from '../ml/artifactStore.ts';
import { RetryLaterError } from '../queue/jobQueue.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { buildArtifact, type SnapshotDocument } from './buildArtifact.ts';
import type { BuildLoraArtifactInput } from './buildLoraArtifact.ts';
import { dropLoraCheckpoint } from './loraCheckpointStore.ts';
import type { RunOptions, TrainingOptions } from './trainingOptions.ts';
import type { TrainingRunStatus } from './trainingRunStore.ts';
import { WORKER_ID } from './workerId.ts';

/**
 * Imported on the first LoRA run: its tfjs and node-llama-cpp are hundreds of modules that every
 * process registering this job (`potluck start` among them) would otherwise load at boot.
 */
const buildLoraArtifact = async (input: BuildLoraArtifactInput) =>
  (await import('./buildLoraArtifact.ts')).buildLoraArtifact(input);

const params = z.object({ runId: idSchema });

export interface RunTrainingInput {
  runId: string;
  /** Aborted on shutdown: the build stops at its next checkpoint and another worker resumes it. */
  signal?: AbortSignal;
  /** Mirrors progress to the queue (BullMQ progress events); the run row is updated regardless. */
  reportProgress?: (fraction: number, message: string) => Promise<void>;
}

export interface RunTrainingResult {
  runId: string;
  status: TrainingRunStatus;
  artifactHash: string | null;
}

/** The run was cancelled or taken over by another worker while this one built it. */
class LeaseLost extends Error {}

const CHUNK = 2000;

/**
 * Builds a queued run's artifact. The run is claimed with a lease (worker id + heartbeat); a crash
 * leaves it `running` with a heartbeat that goes stale, and the next worker to get the job takes
 * it over and builds it again. The build is deterministic and the store content-addressed, so the
 * retry produces the same artifact hash and the same files.
 */
export async function runTraining(deps: Deps, input: RunTrainingInput): Promise<RunTrainingResult> {
  const { runId } = parseInput(params, { runId: input.runId });
  const staleSeconds = deps.config.training.staleMs / 1000;
  const [claimed] = await deps.sql<
    { datanet_id: string; options: RunOptions; contribution_ids: string[]; snapshot_root: string }[]
  >`
    update training_runs set status = 'running', attempts = attempts + 1, worker_id = ${WORKER_ID},
      heartbeat_at = now(), started_at = coalesce(started_at, now()), updated_at = now(),
      progress = 0, progress_message = 'Starting', error = null
    where id = ${runId} and (status = 'queued' or (status = 'running' and (worker_id = ${WORKER_ID}
      or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleSeconds}))))
    returning datanet_id, options, contribution_ids, snapshot_root`;
  if (!claimed) return notClaimed(deps, runId);

  const touch = async (fraction: number, message: string) => {
    const [ok] = await deps.sql`
      update training_runs set progress = greatest(progress, ${fraction}), progress_message = ${message},
        heartbeat_at = now(), updated_at = now()
      where id = ${runId} and status = 'running' and worker_id = ${WORKER_ID} returning 1`;
    if (!ok) throw new LeaseLost();
    await input.reportProgress?.(fraction, message);
  };

  try {
    const documents = await loadDocuments(deps, claimed.contribution_ids, touch, input.signal);
    const options = claimed.options;
    const store = deps.modelRuntime.store;
    const { manifest, message } =
      options.kind === 'lora'
        ? await buildLoraArtifact({
            runId,
            datanetId: claimed.datanet_id,
            snapshotRoot: claimed.snapshot_root,
            documents,
            options,
            store,
            baseModelsDir: deps.config.training.baseModelsDir,
            influenceCheckpoints: deps.config.training.influenceCheckpoints,
            onProgress: touch,
            signal: input.signal,
          })
        : await buildIndexManifest(deps, claimed, documents, options, touch, input.signal);
    const artifactHash = await store.putManifest(manifest);
    const summary = { ...manifest, contributions: undefined, artifactHash };
    const [done] = await deps.sql`
      update training_runs set status = 'succeeded', artifact_hash = ${artifactHash},
        manifest = ${deps.sql.json(JSON.parse(JSON.stringify(summary)))}, progress = 1,
        progress_message = ${message}, finished_at = now(), updated_at = now(), heartbeat_at = null
      where id = ${runId} and status = 'running' and worker_id = ${WORKER_ID} returning 1`;
    if (!done) throw new LeaseLost();
    if (options.kind === 'lora') await dropLoraCheckpoint(store, runId);
    deps.log.info('training run succeeded', { runId, artifactHash, tokens: manifest.totals.tokens });
    return { runId, status: 'succeeded', artifactHash };
  } catch (error) {
    if (error instanceof LeaseLost) return notClaimed(deps, runId);
    if (input.signal?.aborted) {
      // Shutting down: hand the lease back so the next worker need not wait for it to go stale.
      await deps.sql`
        update training_runs set heartbeat_at = null, progress_message = 'Paused: the worker stopped'
        where id = ${runId} and status = 'running' and worker_id = ${WORKER_ID}`;
    }
    throw error;
  }
}

/** The ∞-gram build: the suffix array (and words vocabulary) over the snapshot. */
async function buildIndexManifest(
  deps: Deps,
  claimed: { datanet_id: string; snapshot_root: string },
  documents: SnapshotDocument[],
  options: TrainingOptions,
  touch: (fraction: number, message: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<{ manifest: ArtifactManifest; message: string }> {
  const baseModel = options.baseModel ? await deps.modelRuntime.baseModel(options.baseModel) : undefined;
  const built = await buildArtifact({
    datanetId: claimed.datanet_id,
    snapshotRoot: claimed.snapshot_root,
    documents,
    options,
    baseModel,
    onProgress: touch,
    signal,
  });
  const store = deps.modelRuntime.store;
  const files = {
    index: await store.putBlob(built.indexBytes),
    vocabulary: built.vocabularyBytes ? await store.putBlob(built.vocabularyBytes) : null,
  };
  return { manifest: { ...built.manifest, files }, message: 'Done' };
}

async function notClaimed(deps: Deps, runId: string): Promise<RunTrainingResult> {
  const [row] = await deps.sql<{ status: TrainingRunStatus; artifact_hash: string | null }[]>`
    select status, artifact_hash from training_runs where id = ${runId}`;
  if (!row) throw notFound('Training run', runId);
  if (row.status === 'running') {
    // Another live worker holds it; check back once its lease could have gone stale.
    throw new RetryLaterError(
      deps.config.training.staleMs,
      `Training run ${runId} is being built elsewhere.`,
    );
  }
  return { runId, status: row.status, artifactHash: row.artifact_hash };
}

async function loadDocuments(
  deps: Deps,
  ids: readonly string[],
  touch: (fraction: number, message: string) => Promise<void>,
  signal?: AbortSignal,
): Promise<SnapshotDocument[]> {
  const byId = new Map<string, SnapshotDocument>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    signal?.throwIfAborted();
    await touch((0.05 * start) / ids.length, `Loading ${start} of ${ids.length} contributions`);
    const rows = await contentsOf(deps.sql, ids.slice(start, start + CHUNK));
    for (const r of rows)
      byId.set(r.id, { contributionId: r.id, contentHash: r.content_hash, text: r.content });
  }
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw invalidState('Contributions in this snapshot no longer exist; start a new run.', {
      missing: missing.slice(0, 10),
    });
  }
  const documents = ids.map((id) => byId.get(id)!);
  if (documents.length === 0) throw new AppError('INVALID_STATE', 'The snapshot is empty.');
  return documents;
}
