import { AppError, isAppError } from '../errors.ts';
import type { ArtifactStore } from './artifactStore.ts';
import type { BaseModel } from './baseModel.ts';
import { resolveBaseModel } from './baseModelCatalog.ts';
import { loadTrainedModel, type TrainedModel } from './loadTrainedModel.ts';

export type BaseModelLoader = (source: string) => Promise<BaseModel>;

/**
 * Serves trained models from memory. Artifacts are immutable and content-addressed, so a model
 * cached by its hash never goes stale; the least recently used ones are dropped past `cacheSize`.
 * Concurrent first calls share one load.
 */
export class ModelRuntime {
  private readonly trained = new Map<string, Promise<TrainedModel>>();
  private readonly bases = new Map<string, Promise<BaseModel>>();

  constructor(
    readonly store: ArtifactStore,
    private readonly options: {
      cacheSize: number;
      /** The operator's catalog (BASE_MODELS_DIR): base models are named, never given as paths. */
      baseModelsDir: string;
      loadBaseModel?: BaseModelLoader;
    },
  ) {}

  trainedModel(artifactHash: string): Promise<TrainedModel> {
    const cached = this.trained.get(artifactHash);
    if (cached) {
      // Re-inserting moves it to the end: Map order is the recency order.
      this.trained.delete(artifactHash);
      this.trained.set(artifactHash, cached);
      return cached;
    }
    const loading = loadTrainedModel(this.store, artifactHash, (source) => this.baseModel(source));
    this.trained.set(artifactHash, loading);
    loading.catch(() => this.trained.delete(artifactHash));
    for (const key of this.trained.keys()) {
      if (this.trained.size <= this.options.cacheSize) break;
      this.trained.delete(key);
    }
    return loading;
  }

  /** Base models, by catalog name, are shared by every artifact trained on them and kept until close. */
  baseModel(name: string): Promise<BaseModel> {
    let loading = this.bases.get(name);
    if (!loading) {
      loading = this.loadNamed(name);
      this.bases.set(name, loading);
      loading.catch(() => this.bases.delete(name));
    }
    return loading;
  }

  private async loadNamed(name: string): Promise<BaseModel> {
    const entry = await resolveBaseModel(this.options.baseModelsDir, name);
    if (entry.format !== 'transformers') {
      throw new AppError(
        'BAD_INPUT',
        `baseModel: "${name}" is a GGUF model; this kind of training needs a transformers.js (ONNX) base.`,
        { field: 'baseModel' },
      );
    }
    try {
      return await (this.options.loadBaseModel ?? defaultLoader)(entry.path);
    } catch (error) {
      // The loader's own messages name server paths; users and run records get only the name.
      const code = isAppError(error) && error.code === 'BAD_INPUT' ? 'BAD_INPUT' : 'UNAVAILABLE';
      throw new AppError(
        code,
        `Base model "${name}" could not be loaded; ask the operator to check its files.`,
        { baseModel: name },
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    const bases = [...this.bases.values()];
    this.bases.clear();
    this.trained.clear();
    await Promise.allSettled(bases.map(async (b) => (await b).close()));
  }
}

// Loaded on first use: transformers.js is heavy and most deployments may never need a base model.
const defaultLoader: BaseModelLoader = async (source) => {
  const { loadBaseModel } = await import('./loadBaseModel.ts');
  return loadBaseModel({ source });
};
