import fs from 'node:fs/promises';
import type { ArtifactStore, FileRef } from '../artifactStore.ts';
import type { InfluenceScorer } from '../influenceScorer.ts';
import { decodeLoraGguf } from '../lora/encodeLoraGguf.ts';
import { type LlamaModel, loadLlamaModel } from '../lora/llamaModel.ts';
import type { LoraAdapter, LoraTarget } from '../lora/loraAdapter.ts';
import { projectedAdapterGradient } from './adapterGradient.ts';
import { addInfluenceScores } from './addInfluenceScores.ts';

/**
 * TracIn over checkpoints with random projections (TRAK-style): score_c = Σ_k w_k · ⟨g_k, f_c,k⟩ /
 * ‖f_c,k‖, with g_k the answer's projected adapter gradient at checkpoint k and f_c,k the stored
 * feature of contribution c (see addInfluenceScores).
 *
 * tfjs runs on this thread: the budget is checked between checkpoints, not inside one.
 */
export class TfjsInfluenceScorer implements InfluenceScorer {
  private readonly models = new Map<string, Promise<LlamaModel>>();
  private readonly blobs = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: ArtifactStore,
    private readonly options: { maxModels: number } = { maxModels: 2 },
  ) {}

  async score(request: Parameters<InfluenceScorer['score']>[0]) {
    const { artifact } = request;
    const spec = artifact.influence;
    if (!spec) return [];
    const model = await this.model(request.basePath);
    const features = await this.features(spec.file);
    const n = artifact.contributionIds.length;
    const d = spec.projectionDim;
    const scores = new Float64Array(n);
    const tokens = [...request.promptTokens, ...request.answerTokens];
    const influenceSpec = { ...spec, targets: spec.targets as LoraTarget[] };
    for (const [k, checkpoint] of spec.checkpoints.entries()) {
      request.signal?.throwIfAborted();
      const adapter = await this.adapter(checkpoint.adapter);
      const g = projectedAdapterGradient(
        model,
        adapter,
        { tokens, lossFrom: request.promptTokens.length },
        influenceSpec,
      );
      addInfluenceScores(scores, g, features, k * n * d, checkpoint.weight);
    }
    return artifact.contributionIds.map((contributionId, c) => ({ contributionId, score: scores[c] }));
  }

  private model(basePath: string): Promise<LlamaModel> {
    let loading = this.models.get(basePath);
    if (!loading) {
      loading = fs.readFile(basePath).then((bytes) => loadLlamaModel(bytes));
      this.models.set(basePath, loading);
      loading.catch(() => this.models.delete(basePath));
      for (const [key, old] of this.models) {
        if (this.models.size <= this.options.maxModels) break;
        this.models.delete(key);
        void old.then((m) => m.dispose()).catch(() => undefined);
      }
    }
    return loading;
  }

  private cached<T>(ref: FileRef, decode: (bytes: Buffer) => T): Promise<T> {
    let loading = this.blobs.get(ref.sha256) as Promise<T> | undefined;
    if (!loading) {
      loading = this.store.readBlob(ref).then(decode);
      this.blobs.set(ref.sha256, loading);
      loading.catch(() => this.blobs.delete(ref.sha256));
      // Features and adapters are small next to a model; the bound only stops unbounded growth.
      if (this.blobs.size > 256) this.blobs.delete(this.blobs.keys().next().value!);
    }
    return loading;
  }

  private adapter(ref: FileRef): Promise<LoraAdapter> {
    return this.cached(ref, (bytes) => decodeLoraGguf(bytes));
  }

  private features(ref: FileRef): Promise<Float32Array> {
    return this.cached(ref, (bytes) => {
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Float32Array(copy.buffer);
    });
  }

  async close(): Promise<void> {
    const models = [...this.models.values()];
    this.models.clear();
    this.blobs.clear();
    await Promise.allSettled(models.map(async (m) => (await m).dispose()));
  }
}
