import os from 'node:os';

export interface AdapterPoolOptions {
  /** Adapter contexts kept hot at most (each: the KV cache for contextSize tokens, ~9 MB at 256 on a 135M model). */
  maxContexts: number;
  /**
   * Distinct adapters loaded onto one base model instance before a fresh instance takes new ones:
   * llama.cpp frees adapter weights only with the model (~1.8 MB each at rank 8 on a 135M model).
   */
  maxAdaptersPerBase: number;
  /** A context unused this long is released. */
  idleMs: number;
  /** Tokens per context: prompt + answer must fit. */
  contextSize: number;
  /** Prompt tokens evaluated per batch; it sizes each context's compute buffer (~30 MB at 256 on a 135M model). */
  batchSize: number;
  /** llama.cpp threads per generation. On small CPUs 1 thread per context beats contention by far. */
  threads: number;
  /** Generations running at once over all adapters (the CPU budget); more wait their turn. */
  maxParallel: number;
  /**
   * Contexts kept created ahead, with no adapter, per base in use (default 1): creating a context
   * (KV cache and compute buffer) is most of a cold load, so a cold adapter takes a spare and only
   * sets its LoRA (~5 ms) while the replacement is made in the background. Each costs one context's memory.
   */
  spareContexts?: number;
}

export const defaultAdapterPoolOptions = (): AdapterPoolOptions => ({
  maxContexts: 16,
  maxAdaptersPerBase: 256,
  idleMs: 10 * 60_000,
  contextSize: 512,
  batchSize: 64,
  threads: 1,
  maxParallel: Math.max(1, os.availableParallelism()),
  spareContexts: 1,
});
