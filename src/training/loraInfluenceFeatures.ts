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
 * Per-contribution gradient features of the trained adapter (one checkpoint: the final adapter),
 * projected as serving projects an answer's gradient, stored as one Float32 blob [contribution][d]
 * in manifest order. Null when the snapshot is too large to featurise within a run.
 */
export async function loraInfluenceFeatures(input: {
  model: LlamaModel;
  adapter: LoraAdapter;
  adapterFile: FileRef;
  /** Token ids per contribution, manifest order, framed as trained. */
  documents: readonly (readonly number[])[];
  store: ArtifactStore;
  onProgress?: (done: number) => Promise<void>;
  signal?: AbortSignal;
}): Promise<LoraInfluenceManifest | null> {
  if (input.documents.length === 0 || input.documents.length > MAX_INFLUENCE_CONTRIBUTIONS) return null;
  const spec = defaultInfluenceSpec(input.model.config, input.adapter.targets);
  const d = spec.projectionDim;
  const features = new Float32Array(input.documents.length * d);
  const CHUNK = 64;
  for (let at = 0; at < input.documents.length; at += CHUNK) {
    input.signal?.throwIfAborted();
    const part = contributionFeatures(
      input.model,
      input.adapter,
      input.documents.slice(at, at + CHUNK),
      spec,
      128,
    );
    features.set(part, at * d);
    await input.onProgress?.(Math.min(input.documents.length, at + CHUNK));
  }
  const file = await input.store.putBlob(
    new Uint8Array(features.buffer, features.byteOffset, features.byteLength),
  );
  return { ...spec, file, checkpoints: [{ adapter: input.adapterFile, weight: 1 }] };
}
