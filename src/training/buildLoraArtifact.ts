import fs from 'node:fs/promises';
import { buildCorpusIndex } from '../attribution/buildCorpusIndex.ts';
import { INDEX_MAGIC, serializeCorpusIndex } from '../attribution/serializeCorpusIndex.ts';
import { AppError } from '../errors.ts';
import type { ArtifactStore, FileRef } from '../ml/artifactStore.ts';
import { resolveBaseModel } from '../ml/baseModelCatalog.ts';
import { GgufFormatError } from '../ml/gguf/readGguf.ts';
import { encodeLoraGguf } from '../ml/lora/encodeLoraGguf.ts';
import { encodePeftAdapter } from '../ml/lora/encodePeftAdapter.ts';
import { loadLlamaModel, UnsupportedModelError } from '../ml/lora/llamaModel.ts';
import { decodeLoraCheckpoint, encodeLoraCheckpoint } from '../ml/lora/loraCheckpoint.ts';
import type { LoraEval, LoraTrainer } from '../ml/lora/loraTrainer.ts';
import { tokenizeWithGguf } from '../ml/lora/tokenizeWithGguf.ts';
import { tfjsLoraTrainer } from '../ml/lora/trainLoraTfjs.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { SnapshotDocument } from './buildArtifact.ts';
import { loadLoraCheckpoint, saveLoraCheckpoint } from './loraCheckpointStore.ts';
import { type LoraInfluenceManifest, loraInfluenceFeatures } from './loraInfluenceFeatures.ts';
import { TracInCheckpoints } from './tracInCheckpoints.ts';
import type { LoraRunOptions } from './trainingOptions.ts';

export interface BuildLoraArtifactInput {
  runId: string;
  datanetId: string;
  snapshotRoot: string;
  documents: readonly SnapshotDocument[];
  options: LoraRunOptions;
  store: ArtifactStore;
  baseModelsDir: string;
  onProgress: (fraction: number, message: string) => Promise<void>;
  signal?: AbortSignal;
  trainer?: LoraTrainer;
  checkpointEvery?: number;
  /** TracIn checkpoints for influence features, the final adapter included (INFLUENCE_CHECKPOINTS). */
  influenceCheckpoints?: number;
}

/** What a 'lora' artifact is (serving reads it: src/ml/serving/loraArtifact.ts). */
export interface LoraArtifactManifest {
  format: 'potluck-lora-1';
  kind: 'lora';
  datanetId: string;
  snapshotRoot: string;
  baseModel: { name: string; sha256: string; architecture: 'llama'; parameters: number };
  /** Index token id = model token id + offset (0 is the index's separator). */
  tokenizer: { kind: 'base'; id: string; tokenLimit: number; offset: 1 };
  build: { minSpan: number; indexFormat: string; documents: 'one-per-contribution'; trainer: string };
  training: {
    config: LoraRunOptions['lora'];
    steps: number;
    tokens: number;
    heldOutContributions: string[];
    lossCurve: { step: number; loss: number }[];
  };
  eval: LoraEval | null;
  contributions: { id: string; contentHash: string; start: number; tokens: number }[];
  totals: { contributions: number; tokens: number };
  files: { loraGguf: FileRef; peftConfig: FileRef; peftSafetensors: FileRef; index: FileRef };
  /** Per-contribution gradient features for influence at call time (null: too many contributions). */
  influence: LoraInfluenceManifest | null;
}

/** About a tenth of the snapshot, never all of it, picked by content hash so every run picks the same. */
function heldOutSlice(documents: readonly SnapshotDocument[]): Set<string> {
  if (documents.length < 2) return new Set();
  const count = Math.min(Math.max(1, Math.round(documents.length / 10)), 500);
  const ranked = [...documents].sort((a, b) =>
    sha256Hex(`held-out:${a.contentHash}`) < sha256Hex(`held-out:${b.contentHash}`) ? -1 : 1,
  );
  return new Set(ranked.slice(0, count).map((d) => d.contributionId));
}

/** Keeps at most ~100 points of a loss curve (every k-th step, and the last). */
const thin = (curve: { step: number; loss: number }[]) => {
  const k = Math.ceil(curve.length / 100);
  return curve.filter((_, i) => i % k === 0 || i === curve.length - 1);
};

/**
 * Fine-tunes a LoRA adapter on the snapshot (base frozen), evaluates it on a held-out slice,
 * writes the adapter as llama.cpp LoRA GGUF and PEFT, and builds the suffix-array index over the
 * same tokens for span attribution. Checkpoints go to the artifact store; a worker that takes the
 * run over resumes from the latest one and produces the same adapter.
 */
export async function buildLoraArtifact(
  input: BuildLoraArtifactInput,
): Promise<{ manifest: LoraArtifactManifest; message: string }> {
  const { options, store, onProgress, signal } = input;
  const trainer = input.trainer ?? tfjsLoraTrainer;
  await onProgress(0.05, `Loading base model ${options.baseModel}`);
  const entry = await resolveBaseModel(input.baseModelsDir, options.baseModel);
  if (entry.format !== 'gguf')
    throw new AppError(
      'BAD_INPUT',
      `baseModel: "${options.baseModel}" is not a GGUF model; LoRA training needs one.`,
      { field: 'baseModel' },
    );
  const bytes = new Uint8Array(await fs.readFile(entry.path));
  const baseSha256 = sha256Hex(bytes);
  const model = await loadLlamaModel(bytes).catch((error: unknown) => {
    // Only what the file itself says is the user's to read; anything else is ours (and logged).
    if (!(error instanceof UnsupportedModelError || error instanceof GgufFormatError)) throw error;
    throw new AppError(
      'BAD_INPUT',
      `baseModel: "${options.baseModel}" cannot be trained here (${(error as Error).message}).`,
      { field: 'baseModel' },
      { cause: error },
    );
  });
  try {
    await onProgress(0.08, `Tokenising ${input.documents.length} contributions`);
    const { tokens, bosId, eosId } = await tokenizeWithGguf(
      entry.path,
      input.documents.map((d) => d.text),
    );
    const heldOut = heldOutSlice(input.documents);
    const frame = (t: number[]) => [
      ...(bosId === null ? [] : [bosId]),
      ...t,
      ...(eosId === null ? [] : [eosId]),
    ];
    const train = input.documents.flatMap((d, i) =>
      heldOut.has(d.contributionId) ? [] : [frame(tokens[i])],
    );
    const held = input.documents.flatMap((d, i) => (heldOut.has(d.contributionId) ? [frame(tokens[i])] : []));
    if (train.flat().length < 2)
      throw new AppError('INVALID_STATE', 'The snapshot has too little text to train on.');
    const config = {
      ...options.lora,
      maxSeqLen: Math.min(options.lora.maxSeqLen, model.config.contextLength),
    };
    const checkpointKey = sha256Hex(
      JSON.stringify({ baseSha256, config, snapshotRoot: input.snapshotRoot, trainer: trainer.name }),
    );
    const saved = await loadLoraCheckpoint(store, input.runId, checkpointKey);
    const resumeFrom = saved ? decodeLoraCheckpoint(saved) : undefined;
    if (resumeFrom) await onProgress(0.1, `Resuming from step ${resumeFrom.step}`);
    let lastReport = 0;
    let totalSteps = 0;
    const tracIn = new TracInCheckpoints(input.influenceCheckpoints ?? 1);
    const result = await trainer.train({
      model,
      config,
      train,
      heldOut: held,
      resumeFrom,
      signal,
      checkpointEvery: input.checkpointEvery ?? 25,
      onCheckpoint: async (c) => {
        await saveLoraCheckpoint(store, input.runId, checkpointKey, encodeLoraCheckpoint(c));
        tracIn.offer(c.step, totalSteps, c.adapter);
      },
      onProgress: async (p) => {
        totalSteps = p.totalSteps;
        // Each report is a database write (and a lease check): at most one a second, and the last.
        if (p.step !== p.totalSteps && performance.now() - lastReport < 1000) return;
        lastReport = performance.now();
        await onProgress(
          0.1 + (0.8 * p.step) / p.totalSteps,
          `Training step ${p.step}/${p.totalSteps}: loss ${p.loss.toFixed(3)} (${Math.round(p.tokensPerSecond)} tokens/s)`,
        );
      },
    });
    signal?.throwIfAborted();
    await onProgress(0.92, 'Building the suffix array');
    const index = buildCorpusIndex(
      input.documents.map((d, i) => ({
        contributionId: d.contributionId,
        tokens: tokens[i].map((t) => t + 1),
      })),
      { tokenLimit: model.config.vocabSize + 1 },
    );
    const peft = encodePeftAdapter(result.adapter, {
      baseModelName: options.baseModel,
      heads: model.config.heads,
      kvHeads: model.config.kvHeads,
      dropout: config.dropout,
    });
    const files = {
      loraGguf: await store.putBlob(encodeLoraGguf(result.adapter)),
      peftConfig: await store.putBlob(Buffer.from(peft.adapterConfigJson, 'utf8')),
      peftSafetensors: await store.putBlob(peft.adapterModelSafetensors),
      index: await store.putBlob(serializeCorpusIndex(index)),
    };
    await onProgress(0.94, 'Computing gradient features for attribution');
    const influence = await loraInfluenceFeatures({
      model,
      checkpoints: [
        ...(await Promise.all(
          tracIn.adapters.map(async (adapter) => ({
            adapter,
            file: await store.putBlob(encodeLoraGguf(adapter)),
          })),
        )),
        { adapter: result.adapter, file: files.loraGguf },
      ],
      documents: input.documents.map((_, i) => frame(tokens[i])),
      store,
      signal,
      onProgress: (done) =>
        onProgress(
          0.94 + (0.05 * done) / (input.documents.length * (tracIn.adapters.length + 1)),
          `Gradient features: ${done} of ${input.documents.length * (tracIn.adapters.length + 1)}`,
        ),
    });
    const manifest: LoraArtifactManifest = {
      format: 'potluck-lora-1',
      kind: 'lora',
      datanetId: input.datanetId,
      snapshotRoot: input.snapshotRoot,
      baseModel: {
        name: options.baseModel,
        sha256: baseSha256,
        architecture: 'llama',
        parameters: model.parameters,
      },
      tokenizer: {
        kind: 'base',
        id: `gguf:${options.baseModel}`,
        tokenLimit: model.config.vocabSize + 1,
        offset: 1,
      },
      build: {
        minSpan: options.minSpan,
        indexFormat: INDEX_MAGIC,
        documents: 'one-per-contribution',
        trainer: trainer.name,
      },
      training: {
        config,
        steps: result.steps,
        tokens: result.tokens,
        heldOutContributions: [...heldOut],
        lossCurve: thin(result.lossCurve),
      },
      eval: result.eval,
      contributions: input.documents.map((d, i) => ({
        id: d.contributionId,
        contentHash: d.contentHash,
        start: index.documentStarts[i],
        tokens: tokens[i].length,
      })),
      totals: { contributions: input.documents.length, tokens: index.tokenCount },
      files,
      influence,
    };
    const e = result.eval;
    const message = e
      ? `Done: held-out loss ${e.baseLoss.toFixed(3)} → ${e.adapterLoss.toFixed(3)} (perplexity ${e.basePerplexity.toFixed(1)} → ${e.adapterPerplexity.toFixed(1)})`
      : 'Done (no held-out slice: the snapshot has one contribution)';
    return { manifest, message };
  } finally {
    model.dispose();
  }
}
