import { AppError } from '../../errors.ts';
import type { ArtifactStore } from '../artifactStore.ts';
import { resolveBaseModel } from '../baseModelCatalog.ts';
import type { InfluenceScorer } from '../influenceScorer.ts';
import type { NeuralGenerator } from '../neuralGenerator.ts';
import { type LoraArtifact, readLoraArtifact } from './loraArtifact.ts';

export interface NeuralRuntimeOptions {
  /** LoRA artifacts (index + adapter path) kept in memory, least recently used dropped first. */
  cacheSize: number;
  /** The operator's base models (see baseModelCatalog). */
  baseModelsDir: string;
  /** β in combineAttribution: the influence part of the data share. */
  influenceWeight: number;
  /** Influence not computed within this many ms of a call is settled later by a job (escrow). */
  influenceBudgetMs: number;
}

/**
 * What paid inference needs to serve LoRA models: their artifacts, a generator (the adapter pool)
 * and, where available, an influence scorer. One per app; close() releases the generator.
 */
export class NeuralRuntime {
  private readonly artifacts = new Map<string, Promise<LoraArtifact>>();

  constructor(
    readonly store: ArtifactStore,
    readonly generator: NeuralGenerator,
    readonly influence: InfluenceScorer | null,
    readonly options: NeuralRuntimeOptions,
  ) {}

  artifact(artifactHash: string): Promise<LoraArtifact> {
    const cached = this.artifacts.get(artifactHash);
    if (cached) {
      this.artifacts.delete(artifactHash);
      this.artifacts.set(artifactHash, cached);
      return cached;
    }
    const loading = readLoraArtifact(this.store, artifactHash);
    this.artifacts.set(artifactHash, loading);
    loading.catch(() => this.artifacts.delete(artifactHash));
    for (const key of this.artifacts.keys()) {
      if (this.artifacts.size <= this.options.cacheSize) break;
      this.artifacts.delete(key);
    }
    return loading;
  }

  /** The base GGUF's path on this server; a model whose base the operator removed is UNAVAILABLE. */
  async basePath(name: string): Promise<string> {
    const entry = await resolveBaseModel(this.options.baseModelsDir, name).catch(() => null);
    if (entry?.format !== 'gguf') {
      throw new AppError('UNAVAILABLE', "This model's base model is not installed on this server.", {
        baseModel: name,
      });
    }
    return entry.path;
  }

  async close(): Promise<void> {
    this.artifacts.clear();
    await Promise.allSettled([this.generator.close(), this.influence?.close?.()]);
  }
}
