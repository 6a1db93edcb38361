import type { LlamaContext, LlamaModel } from 'node-llama-cpp';
import { AppError } from '../../errors.ts';
import type { NeuralGenerateRequest, NeuralGeneration, NeuralGenerator } from '../neuralGenerator.ts';

export type { AdapterPoolOptions };

import { type AdapterPoolOptions, defaultAdapterPoolOptions } from './adapterPoolOptions.ts';
import { type BaseInstance, BaseModels } from './baseModels.ts';
import { generateOnContext } from './generateOnContext.ts';
import { Semaphore } from './semaphore.ts';

interface Hot {
  key: string;
  base: BaseInstance;
  /** Its context was disposed or handed to another adapter: it no longer counts on its base. */
  gone: boolean;
  context: Promise<LlamaContext>;
  /** Tail of this adapter's queue: one generation at a time per context. */
  tail: Promise<unknown>;
  waiting: number;
  lastUsed: number;
}

export interface AdapterPoolStats {
  bases: number;
  /** Base instances past their adapter cap, kept until their last context goes. */
  drainingBases: number;
  hot: number;
  loads: number;
  /** Cold loads that took a spare context (only the adapter was set). */
  spareLoads: number;
  /** Spare contexts ready or being made. */
  spares: number;
  evictions: number;
}

/**
 * Many LoRA adapters on shared base models (node-llama-cpp). Each base GGUF is loaded once; an
 * adapter gets its own context on it (llama.cpp sets adapters per context), and at most
 * `maxContexts` contexts stay hot, least recently used evicted first, idle ones released after
 * `idleMs`. A cold adapter is loaded on demand. Calls to one adapter queue on its context; calls
 * to different adapters run in parallel up to `maxParallel`.
 *
 * node-llama-cpp keeps an adapter's weights on the model until the model is disposed (contexts
 * only reference them), so eviction frees the KV cache (the bulk: ~9 MB vs ~2 MB for a rank-8
 * adapter) and a reload skips re-reading the file. Seeded sampling on a cleared sequence makes an
 * answer independent of which context served it, so eviction and reload change no answer.
 */
export class AdapterPool implements NeuralGenerator {
  private readonly models: BaseModels;
  /** Map order is recency order: the first entry is the least recently used. */
  private readonly hot = new Map<string, Hot>();
  private readonly cpu: Semaphore;
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;
  private loads = 0;
  private spareLoads = 0;
  private evictions = 0;
  /** Recent cold-load times (context + adapter), ms, for metrics and the bench. */
  private readonly loadMs: number[] = [];

  constructor(readonly options: AdapterPoolOptions = defaultAdapterPoolOptions()) {
    this.cpu = new Semaphore(options.maxParallel);
    this.models = new BaseModels(options.maxAdaptersPerBase, {
      count: options.spareContexts ?? 1,
      create: (model) => this.createContext(model),
    });
    this.sweeper = setInterval(() => this.evictIdle(), Math.max(1000, Math.min(options.idleMs, 60_000)));
    this.sweeper.unref();
  }

  stats(): AdapterPoolStats {
    return {
      bases: this.models.size,
      drainingBases: this.models.drainingCount,
      hot: this.hot.size,
      loads: this.loads,
      spareLoads: this.spareLoads,
      spares: this.models.spareCount,
      evictions: this.evictions,
    };
  }

  /** The last (up to 1000) cold adapter loads' durations in ms, base model loads excluded. */
  recentLoadMs(): number[] {
    return [...this.loadMs];
  }

  /** Whether this adapter's context is hot now (tests, bench). */
  isHot(request: Pick<NeuralGenerateRequest, 'baseModel' | 'adapterPath' | 'adapterKey'>): boolean {
    return this.hot.has(keyOf(request));
  }

  generate(request: NeuralGenerateRequest): Promise<NeuralGeneration> {
    if (this.closed) return Promise.reject(new AppError('UNAVAILABLE', 'The model server is shutting down.'));
    const hot = this.take(request);
    const run = hot.tail.then(async () => {
      await this.cpu.acquire();
      try {
        request.signal?.throwIfAborted();
        return await generateOnContext(await hot.context, request);
      } finally {
        this.cpu.release();
      }
    });
    hot.tail = run.catch(() => undefined);
    return run.finally(() => {
      hot.waiting -= 1;
      hot.lastUsed = Date.now();
      this.evictOverflow();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweeper);
    const hot = [...this.hot.values()];
    this.hot.clear();
    await Promise.allSettled(hot.map((h) => h.tail));
    await Promise.allSettled(hot.map(async (h) => (await h.context).dispose()));
    await this.models.close();
  }

  /** The adapter's context entry (cold load if needed), most recently used now, with this call counted. */
  private take(request: NeuralGenerateRequest): Hot {
    const key = keyOf(request);
    let hot = this.hot.get(key);
    if (hot) {
      this.hot.delete(key);
    } else {
      this.loads += 1;
      // At capacity, the least recently used idle context on the same base is given this adapter
      // instead of being disposed and another created: the swap skips the allocation.
      const base = this.models.instance(request.baseModel);
      const donor = this.hot.size >= this.options.maxContexts ? this.takeIdle(base) : undefined;
      const context = donor ? this.swap(donor, request) : this.load(base, request);
      if (!donor) base.contexts += 1;
      this.models.noteAdapter(base, request.adapterKey ?? request.adapterPath);
      hot = {
        key,
        base,
        gone: false,
        context,
        tail: context.catch(() => undefined),
        waiting: 0,
        lastUsed: Date.now(),
      };
      const entry = hot;
      // A failed load must not stay cached: the next call tries again.
      context.catch(() => this.drop(entry));
    }
    this.hot.set(key, hot);
    // Counted before evicting, so the context this call is about to use is never the one evicted.
    hot.waiting += 1;
    this.evictOverflow();
    return hot;
  }

  /**
   * The least recently used idle context, removed, if it is on this base instance; one on another
   * (a draining instance, another base) is left to the overflow eviction, which frees it instead.
   */
  private takeIdle(base: BaseInstance): Hot | undefined {
    for (const hot of this.hot.values()) {
      if (hot.waiting !== 0) continue;
      if (hot.base !== base) return undefined;
      this.hot.delete(hot.key);
      // Its context now belongs to the new entry, which counts it on the same base.
      hot.gone = true;
      this.evictions += 1;
      return hot;
    }
    return undefined;
  }

  /**
   * Moves a context to another adapter. llama.cpp replaces a context's adapter set in place
   * (llama_set_adapters_lora); node-llama-cpp 3.21.1 (pinned exactly) exposes that only as the
   * internal `_setLoras`, so without it this falls back to a new context. Every generation starts
   * on a cleared sequence, so nothing of the previous adapter's state carries over.
   */
  private async swap(donor: Hot, request: NeuralGenerateRequest): Promise<LlamaContext> {
    const context = await donor.context.catch(() => null);
    const started = performance.now();
    const set = context ? await setAdapter(context, request.adapterPath).catch((error) => error) : false;
    if (set !== true) {
      void context?.dispose().catch(() => undefined);
      if (set instanceof Error) throw set;
      return this.load(donor.base, request);
    }
    this.recordLoad(performance.now() - started);
    return context as LlamaContext;
  }

  private recordLoad(ms: number): void {
    this.loadMs.push(ms);
    if (this.loadMs.length > 1000) this.loadMs.shift();
  }

  /**
   * A cold adapter's context: a spare made ahead when one is waiting, else a new one, then its
   * LoRA set. Profiled on a 135M-shaped base (2 loaded cores): context creation ~30-45 ms (p95
   * ~75), reading the adapter file ~4 ms (once per base instance), `_setLoras` ~0.1 ms; so the
   * spare takes context creation off the cold path.
   */
  private async load(base: BaseInstance, request: NeuralGenerateRequest): Promise<LlamaContext> {
    const model = await base.model;
    const started = performance.now();
    const spare = this.models.takeSpare(base);
    let context = spare ? await spare.catch(() => null) : null;
    if (context && (await setAdapter(context, request.adapterPath).catch(() => false)) === false) {
      void context.dispose().catch(() => undefined);
      context = null;
    }
    if (context) this.spareLoads += 1;
    // Without _setLoras (or a spare), the context is created with its adapter in one step.
    context ??= await this.createContext(model, request.adapterPath);
    this.recordLoad(performance.now() - started);
    this.models.refill(base);
    return context;
  }

  private createContext(model: LlamaModel, adapterPath?: string): Promise<LlamaContext> {
    return model.createContext({
      contextSize: this.options.contextSize,
      batchSize: Math.min(this.options.batchSize, this.options.contextSize),
      threads: this.options.threads,
      sequences: 1,
      ...(adapterPath ? { lora: { adapters: [{ filePath: adapterPath, scale: 1 }] } } : {}),
    });
  }

  /** Past maxContexts, the least recently used contexts with nothing queued are released. */
  private evictOverflow(): void {
    for (const hot of [...this.hot.values()]) {
      if (this.hot.size <= this.options.maxContexts) return;
      if (hot.waiting === 0) this.evict(hot);
    }
  }

  /** Releases contexts unused for idleMs as of `now` (the sweeper calls it; tests pass a time). */
  evictIdle(now = Date.now()): void {
    const cutoff = now - this.options.idleMs;
    for (const hot of [...this.hot.values()]) {
      if (hot.waiting === 0 && hot.lastUsed < cutoff) this.evict(hot);
    }
  }

  private evict(hot: Hot): void {
    this.evictions += 1;
    void hot.context.then((c) => c.dispose()).catch(() => undefined);
    this.drop(hot);
  }

  /** Forgets an entry and its context's place on its base, once. */
  private drop(hot: Hot): void {
    if (this.hot.get(hot.key) === hot) this.hot.delete(hot.key);
    if (hot.gone) return;
    hot.gone = true;
    this.models.release(hot.base);
  }
}

const keyOf = (r: Pick<NeuralGenerateRequest, 'baseModel' | 'adapterPath' | 'adapterKey'>) =>
  `${r.baseModel}\u0000${r.adapterKey ?? r.adapterPath}`;

/**
 * Sets a context's adapter in place (llama_set_adapters_lora): true, or false where node-llama-cpp
 * lacks the internal `_setLoras` (3.21.1 is pinned exactly; it loads the file once per model).
 */
async function setAdapter(context: LlamaContext, adapterPath: string): Promise<boolean> {
  const setLoras = (context as unknown as { _setLoras?: unknown })._setLoras;
  if (typeof setLoras !== 'function') return false;
  await setLoras.call(context, [{ filePath: adapterPath, scale: 1 }]);
  return true;
}
