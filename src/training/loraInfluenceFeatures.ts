import type { ArtifactStore, FileRef } from '../ml/artifactStore.ts';
import { contributionFeatures, defaultInfluenceSpec } from '../ml/influence/adapterGradient.ts';
import type { LlamaModel } from '../ml/lora/llamaModel.ts';
import type { LoraAdapter } from '../ml/lora/loraAdapter.ts';

/** What serving needs to compute influence (src/ml/serving/loraArtifact.ts reads it). */
export interface LoraInfluenceManifest {
  file: FileRef;
  projectionDim: number;
  layers: number[];
  targets: string[];
  projectionSeed: number;
  checkpoints: { adapter: FileRef; weight: number }[];
}

/** Past this many contributions the features are skipped (spans alone then): one gradient each. */
const MAX_INFLUENCE_CONTRIBUTIONS = 5000;

/**
 * Per-contribution gradient features at each TracIn checkpoint (the final adapter, and earlier
 * ones when the run kept them: INFLUENCE_CHECKPOINTS), projected as serving projects an answer's
 * gradient, stored as one Float32 blob [checkpoint][contribution][d] in manifest order. Each
 * checkpoint weighs 1/K, so the scores keep one checkpoint's scale. Null when the snapshot is too
 * large to featurise within a run.
 */
export async function loraInfluenceFeatures(input: {
  model: LlamaModel;
  /** Oldest first; the last is the trained adapter. All share its targets. */
  checkpoints: readonly { adapter: LoraAdapter; file: FileRef }[];
  /** Token ids per contribution, manifest order, framed as trained. */
  documents: readonly (readonly number[])[];
  store: ArtifactStore;
  onProgress?: (done: number) => Promise<void>;
  signal?: AbortSignal;
}): Promise<LoraInfluenceManifest | null> {
  if (input.documents.length === 0 || input.documents.length > MAX_INFLUENCE_CONTRIBUTIONS) return null;
  const last = input.checkpoints[input.checkpoints.length - 1];
  const spec = defaultInfluenceSpec(input.model.config, last.adapter.targets);
  const d = spec.projectionDim;
  const n = input.documents.length;
  const features = new Float32Array(input.checkpoints.length * n * d);
  const CHUNK = 64;
  for (const [k, checkpoint] of input.checkpoints.entries()) {
    for (let at = 0; at < n; at += CHUNK) {
      input.signal?.throwIfAborted();
      const part = contributionFeatures(
        input.model,
        checkpoint.adapter,
        input.documents.slice(at, at + CHUNK),
        spec,
        128,
      );
      features.set(part, (k * n + at) * d);
      await input.onProgress?.(k * n + Math.min(n, at + CHUNK));
    }
  }
  const file = await input.store.putBlob(
    new Uint8Array(features.buffer, features.byteOffset, features.byteLength),
  );
  const weight = 1 / input.checkpoints.length;
  return { ...spec, file, checkpoints: input.checkpoints.map((c) => ({ adapter: c.file, weight })) };
}
