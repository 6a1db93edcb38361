import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactStore, FileRef } from '../ml/artifactStore.ts';

/**
 * Where a LoRA run's latest checkpoint is: the bytes are a content-addressed blob, and a small
 * pointer file per run (replaced atomically) names it together with the run's config key, so a
 * worker taking the run over resumes only from a checkpoint of the same training.
 */
const pointerPath = (store: ArtifactStore, runId: string) =>
  path.join(store.root, 'checkpoints', `run-${runId.replace(/[^0-9A-Za-z_-]/g, '')}.json`);

export async function saveLoraCheckpoint(
  store: ArtifactStore,
  runId: string,
  key: string,
  bytes: Uint8Array,
): Promise<FileRef> {
  const ref = await store.putBlob(bytes);
  const file = pointerPath(store, runId);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(6).toString('hex')}`;
  await fs.writeFile(tmp, JSON.stringify({ key, ref }));
  await fs.rename(tmp, file);
  return ref;
}

export async function loadLoraCheckpoint(
  store: ArtifactStore,
  runId: string,
  key: string,
): Promise<Buffer | null> {
  try {
    const pointer = JSON.parse(await fs.readFile(pointerPath(store, runId), 'utf8')) as {
      key: string;
      ref: FileRef;
    };
    if (pointer.key !== key) return null;
    return await store.readBlob(pointer.ref);
  } catch {
    // No checkpoint, or one lost or damaged: start over (training is deterministic either way).
    return null;
  }
}

export async function dropLoraCheckpoint(store: ArtifactStore, runId: string): Promise<void> {
  await fs.rm(pointerPath(store, runId), { force: true });
}
