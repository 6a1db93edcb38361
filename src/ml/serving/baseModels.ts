import type { Llama, LlamaModel } from 'node-llama-cpp';

/** One loaded instance of a base GGUF, with what it carries. */
export interface BaseInstance {
  path: string;
  model: Promise<LlamaModel>;
  /** Adapters ever loaded onto it: node-llama-cpp keeps their weights until the model is disposed. */
  adapters: Set<string>;
  /** Live contexts on it. */
  contexts: number;
  /** Replaced by a fresh instance; disposed once its last context goes. */
  draining: boolean;
}

/**
 * The base models the adapter pool serves on: each GGUF loaded once, and (since llama.cpp frees an
 * adapter's weights only with its model) replaced by a fresh instance once `maxAdapters` distinct
 * adapters were loaded onto it. The old instance keeps serving its hot contexts and is disposed
 * when the last one is evicted, so memory stays bounded however many adapters are served.
 */
export class BaseModels {
  private llama: Promise<Llama> | null = null;
  private readonly current = new Map<string, BaseInstance>();
  private readonly draining = new Set<BaseInstance>();

  constructor(private readonly maxAdapters: number) {}

  get size(): number {
    return this.current.size;
  }

  get drainingCount(): number {
    return this.draining.size;
  }

  /** The instance new contexts of this base go on. */
  instance(path: string): BaseInstance {
    let base = this.current.get(path);
    if (!base) {
      const model = this.getLlama().then((llama) => llama.loadModel({ modelPath: path, gpuLayers: 0 }));
      base = { path, model, adapters: new Set(), contexts: 0, draining: false };
      const created = base;
      this.current.set(path, base);
      model.catch(() => {
        if (this.current.get(path) === created) this.current.delete(path);
      });
    }
    return base;
  }

  /** Records an adapter loaded onto `base`; past the cap, later contexts go on a fresh instance. */
  noteAdapter(base: BaseInstance, adapterKey: string): void {
    base.adapters.add(adapterKey);
    if (base.adapters.size >= this.maxAdapters && !base.draining) {
      base.draining = true;
      if (this.current.get(base.path) === base) this.current.delete(base.path);
      this.draining.add(base);
      this.disposeIfDone(base);
    }
  }

  /** A context on `base` is gone. */
  release(base: BaseInstance): void {
    base.contexts -= 1;
    this.disposeIfDone(base);
  }

  async close(): Promise<void> {
    const all = [...this.current.values(), ...this.draining];
    this.current.clear();
    this.draining.clear();
    await Promise.allSettled(all.map(async (b) => (await b.model).dispose()));
    const llama = this.llama;
    this.llama = null;
    if (llama) await (await llama).dispose().catch(() => undefined);
  }

  private disposeIfDone(base: BaseInstance): void {
    if (!base.draining || base.contexts > 0 || !this.draining.delete(base)) return;
    void base.model.then((m) => m.dispose()).catch(() => undefined);
  }

  private getLlama(): Promise<Llama> {
    if (!this.llama) {
      // Loaded on first use: most deployments serve ∞-gram models only and never pay for the binary.
      this.llama = import('node-llama-cpp').then(({ getLlama, LlamaLogLevel }) =>
        getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error }),
      );
      this.llama.catch(() => {
        this.llama = null;
      });
    }
    return this.llama;
  }
}
