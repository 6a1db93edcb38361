import fs from 'node:fs/promises';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import type { App } from '../../src/app.ts';
import { buildCorpusIndex } from '../../src/attribution/buildCorpusIndex.ts';
import { serializeCorpusIndex } from '../../src/attribution/serializeCorpusIndex.ts';
import type { ArtifactManifest, ArtifactStore, FileRef } from '../../src/ml/artifactStore.ts';
import { contributionFeatures, defaultInfluenceSpec } from '../../src/ml/influence/adapterGradient.ts';
import { decodeLoraGguf } from '../../src/ml/lora/encodeLoraGguf.ts';
import { loadLlamaModel } from '../../src/ml/lora/llamaModel.ts';
import { snapshotContributions } from '../../src/training/snapshotContributions.ts';

/**
 * A succeeded LoRA training run as the trainer leaves it (artifact in the store: LoRA GGUF, the
 * suffix-array index over the base tokenizer's ids + 1, a 'lora' manifest; the run row), built
 * from a given adapter instead of trained, so serving tests need no training time.
 */
export async function createLoraRun(
  app: App,
  input: {
    developer: string;
    datanetId: string;
    baseModel: { name: string; path: string; vocabSize: number };
    adapterPath: string;
    minSpan?: number;
    /** Store per-contribution gradient features of the final adapter (one checkpoint). */
    influence?: boolean;
  },
): Promise<{ runId: string; artifactHash: string; adapterSha256: string }> {
  const sql = app.database.sql;
  const snapshot = await snapshotContributions(sql, input.datanetId);
  const rows = await sql<{ id: string; content: string; content_hash: string }[]>`
    select id, content, content_hash from contributions where id = any(${snapshot.contributionIds}::bigint[]) order by id`;
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: input.baseModel.path });
  const vocabSize = input.baseModel.vocabSize;
  const documents = rows.map((r) => ({
    contributionId: r.id,
    tokens: Int32Array.from(model.tokenize(r.content, false), (t) => t + 1),
  }));
  await model.dispose();
  await llama.dispose();
  const store = app.deps.modelRuntime.store;
  const index = await store.putBlob(
    serializeCorpusIndex(buildCorpusIndex(documents, { tokenLimit: vocabSize + 1 })),
  );
  const adapterBytes = await fs.readFile(input.adapterPath);
  const loraGguf = await store.putBlob(adapterBytes);
  const influence = input.influence
    ? await influenceFeatures(store, input.baseModel.path, loraGguf, adapterBytes, documents)
    : null;
  let start = 0;
  const manifest = {
    format: 'potluck-lora-1',
    kind: 'lora',
    datanetId: input.datanetId,
    snapshotRoot: snapshot.root,
    baseModel: { name: input.baseModel.name },
    tokenizer: { kind: 'base', id: `gguf:${input.baseModel.name}`, tokenLimit: vocabSize + 1, offset: 1 },
    build: { minSpan: input.minSpan ?? 4 },
    contributions: documents.map((d, i) => {
      const entry = {
        id: d.contributionId,
        contentHash: rows[i].content_hash,
        start,
        tokens: d.tokens.length,
      };
      start += d.tokens.length + 1;
      return entry;
    }),
    files: { loraGguf, index },
    influence,
  };
  const artifactHash = await store.putManifest(manifest as unknown as ArtifactManifest);
  const summary = { ...manifest, contributions: undefined, artifactHash };
  const [run] = await sql<{ id: string }[]>`
    insert into training_runs (datanet_id, developer_account_id, status, options, contribution_ids, snapshot_root,
      progress, artifact_hash, manifest, started_at, finished_at)
    values (${input.datanetId}, ${input.developer}, 'succeeded',
      ${sql.json({ kind: 'lora', baseModel: input.baseModel.name } as never)}, ${snapshot.contributionIds}::bigint[],
      ${snapshot.root}, 1, ${artifactHash}, ${sql.json(JSON.parse(JSON.stringify(summary)))}, now(), now())
    returning id`;
  return { runId: run.id, artifactHash, adapterSha256: loraGguf.sha256 };
}

async function influenceFeatures(
  store: ArtifactStore,
  basePath: string,
  adapterRef: FileRef,
  adapterBytes: Uint8Array,
  documents: { tokens: Int32Array }[],
) {
  const model = await loadLlamaModel(await fs.readFile(basePath));
  try {
    const adapter = decodeLoraGguf(adapterBytes);
    const spec = defaultInfluenceSpec(model.config, adapter.targets, { projectionDim: 64 });
    const features = contributionFeatures(
      model,
      adapter,
      documents.map((d) => Array.from(d.tokens, (t) => t - 1)),
      spec,
    );
    const file = await store.putBlob(
      new Uint8Array(features.buffer, features.byteOffset, features.byteLength),
    );
    return { ...spec, file, checkpoints: [{ adapter: adapterRef, weight: 1 }] };
  } finally {
    model.dispose();
  }
}
