import type { Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';

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
  /** Contexts created ahead with no adapter: a cold adapter takes one and only sets its LoRA. */
  spares: Promise<LlamaContext>[];
}

/** How spare contexts are made: `count` kept ready per base instance in use. */
export interface SpareContexts {
  count: number;
  create(model: LlamaModel): Promise<LlamaContext>;
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
  private closed = false;

  constructor(
    private readonly maxAdapters: number,
    private readonly spares: SpareContexts = {
      count: 0,
      create: () => Promise.reject(new Error('no spares')),
    },
  ) {}

  get size(): number {
    return this.current.size;
  }

  /** Spare contexts made or being made, over all instances. */
  get spareCount(): number {
    let n = 0;
    for (const base of this.current.values()) n += base.spares.length;
    return n;
  }

  get drainingCount(): number {
    return this.draining.size;
  }

  /** The instance new contexts of this base go on. */
  instance(path: string): BaseInstance {
    let base = this.current.get(path);
    if (!base) {
      const model = this.getLlama().then((llama) => llama.loadModel({ modelPath: path, gpuLayers: 0 }));
      base = { path, model, adapters: new Set(), contexts: 0, draining: false, spares: [] };
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
      void this.disposeSpares(base);
      this.disposeIfDone(base);
    }
  }

  /**
   * A context made ahead for `base` (undefined if none is waiting); the taker counts it in
   * `contexts`. Call `refill` once the taker holds its context, so the replacement is made while
   * the caller generates, not before it.
   */
  takeSpare(base: BaseInstance): Promise<LlamaContext> | undefined {
    return base.spares.shift();
  }

  /** Tops up `base`'s spare contexts in the background (none on a draining instance). */
  refill(base: BaseInstance): void {
    while (!this.closed && !base.draining && base.spares.length < this.spares.count) {
      const spare = base.model.then((m) => this.spares.create(m));
      base.spares.push(spare);
      // A failed spare is forgotten; the next cold load makes its own context.
      spare.catch(() => {
        const at = base.spares.indexOf(spare);
        if (at >= 0) base.spares.splice(at, 1);
      });
    }
  }

  /** A context on `base` is gone; with none left, its spares go too (nothing on it is in use). */
  release(base: BaseInstance): void {
    base.contexts -= 1;
    if (base.contexts <= 0) void this.disposeSpares(base);
    this.disposeIfDone(base);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.current.values(), ...this.draining];
    this.current.clear();
    this.draining.clear();
    await Promise.allSettled(all.map((b) => this.disposeSpares(b)));
    await Promise.allSettled(all.map(async (b) => (await b.model).dispose()));
    const llama = this.llama;
    this.llama = null;
    if (llama) await (await llama).dispose().catch(() => undefined);
  }

  private async disposeSpares(base: BaseInstance): Promise<void> {
    const spares = base.spares.splice(0);
    await Promise.allSettled(spares.map(async (spare) => (await spare).dispose()));
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
