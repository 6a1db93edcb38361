import { z } from 'zod';
import type { CorpusIndex } from '../../attribution/corpusIndex.ts';
import { loadCorpusIndex } from '../../attribution/loadCorpusIndex.ts';
import { AppError } from '../../errors.ts';
import type { ArtifactStore } from '../artifactStore.ts';

const fileRef = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) });

/**
 * The fields of a 'lora' training artifact that serving reads (the trainer writes more). Parsed
 * narrowly on purpose: the manifest is the trainer's format, and serving must fail loudly, not
 * guess, if a field it relies on moves.
 */
const loraManifest = z.object({
  kind: z.literal('lora'),
  baseModel: z.object({ name: z.string().min(1), sha256: z.string().optional() }),
  tokenizer: z
    .object({ id: z.string(), tokenLimit: z.number().int(), offset: z.number().int().optional() })
    .loose(),
  build: z
    .object({ minSpan: z.number().int().min(1) })
    .loose()
    .optional(),
  minSpan: z.number().int().min(1).optional(),
  contributions: z.array(z.object({ id: z.string(), tokens: z.number().int() }).loose()),
  files: z.object({ loraGguf: fileRef, index: fileRef }).loose(),
  influence: z
    .object({
      file: fileRef,
      projectionDim: z.number().int().min(1),
      layers: z.array(z.number().int()),
      targets: z.array(z.string()),
      projectionSeed: z.number().int(),
      checkpoints: z.array(z.object({ adapter: fileRef, weight: z.number() })).min(1),
    })
    .loose()
    .nullish(),
});
export type LoraManifest = z.output<typeof loraManifest>;

export interface LoraArtifact {
  artifactHash: string;
  manifest: LoraManifest;
  baseModel: string;
  /** The LoRA GGUF in the content-addressed store; its name is its hash, so it never changes. */
  adapterPath: string;
  adapterSha256: string;
  index: CorpusIndex;
  /** Index token id = model token id + offset (0 is the index's separator). */
  tokenOffset: number;
  minSpan: number;
  contributionIds: string[];
  contributionTokens: Map<string, number>;
  /** Per-contribution projected gradient features, when the trainer stored them. */
  influence: NonNullable<LoraManifest['influence']> | null;
}

/** Reads and checks a LoRA artifact: manifest hash, the index and the adapter file's hash. */
export async function readLoraArtifact(store: ArtifactStore, artifactHash: string): Promise<LoraArtifact> {
  const raw = await store.readManifest(artifactHash);
  const parsed = loraManifest.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `Artifact ${artifactHash} is not a LoRA artifact this server can serve.`, {
      issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  const manifest = parsed.data;
  const index = loadCorpusIndex(await store.readBlob(manifest.files.index));
  // Reading the blob checks its hash once; llama.cpp then maps the same file by path.
  await store.readBlob(manifest.files.loraGguf);
  // The influence thread reads its blobs from this machine's folder: bring them from a shared store.
  if (manifest.influence && store.backend !== 'filesystem') {
    for (const ref of [manifest.influence.file, ...manifest.influence.checkpoints.map((c) => c.adapter)])
      await store.readBlob(ref);
  }
  return {
    artifactHash,
    manifest,
    baseModel: manifest.baseModel.name,
    adapterPath: store.blobPath(manifest.files.loraGguf),
    adapterSha256: manifest.files.loraGguf.sha256,
    index,
    tokenOffset: manifest.tokenizer.offset ?? 1,
    minSpan: manifest.build?.minSpan ?? manifest.minSpan ?? 4,
    contributionIds: manifest.contributions.map((c) => c.id),
    contributionTokens: new Map(manifest.contributions.map((c) => [c.id, c.tokens])),
    influence: manifest.influence ?? null,
  };
}
