import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterPool } from '../src/ml/serving/adapterPool.ts';
import { writeRandomLoraGguf } from './support/randomLoraAdapter.ts';
import { type TinyLlama, writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

describe('AdapterPool', () => {
  let dir: string;
  let tiny: TinyLlama;
  let adapters: string[];
  const pools: AdapterPool[] = [];
  const pool = (maxContexts: number, maxAdaptersPerBase = 100, spareContexts = 1) => {
    const p = new AdapterPool({
      spareContexts,
      maxContexts,
      maxAdaptersPerBase,
      idleMs: 60_000,
      contextSize: 128,
      batchSize: 64,
      threads: 1,
      maxParallel: 2,
    });
    pools.push(p);
    return p;
  };
  const ask = (p: AdapterPool, adapter: string, seed = 5, temperature = 1) =>
    p.generate({
      baseModel: tiny.path,
      adapterPath: adapter,
      prompt: 'The kitchen',
      maxTokens: 12,
      temperature,
      topK: 0,
      seed,
    });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-adapter-pool-'));
    tiny = await writeTinyLlamaGguf(path.join(dir, 'tiny.gguf'), { seed: 4 });
    adapters = await Promise.all(
      [11, 12, 13, 14].map((seed) =>
        writeRandomLoraGguf(path.join(dir, `a${seed}.gguf`), tiny, { seed, scale: 0.6 }),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('serves different adapters on one base, differently, and the same adapter the same way', async () => {
    const p = pool(4);
    const [a, b, again] = await Promise.all([
      ask(p, adapters[0], 5, 0),
      ask(p, adapters[1], 5, 0),
      ask(p, adapters[0], 5, 0),
    ]);
    expect(a.tokens.length).toBeGreaterThan(0);
    expect(a.tokens).not.toEqual(b.tokens);
    expect(again.tokens).toEqual(a.tokens);
    expect(a.promptTokens.length).toBeGreaterThan(0);
    expect(p.stats()).toMatchObject({ bases: 1, hot: 2, loads: 2, evictions: 0 });
  });

  it('gives a cold adapter a spare context made ahead, answering as a context made with the adapter does', async () => {
    const p = pool(4);
    await ask(p, adapters[0], 6);
    // The first load made its own context, then a spare for the next cold adapter.
    await expect.poll(() => p.stats().spares).toBe(1);
    const fromSpare = await ask(p, adapters[1], 6);
    expect(p.stats()).toMatchObject({ loads: 2, spareLoads: 1 });
    const direct = pool(4, 100, 0);
    expect(await ask(direct, adapters[1], 6)).toEqual(fromSpare);
    expect(direct.stats()).toMatchObject({ loads: 1, spareLoads: 0, spares: 0 });
  });

  it('evicts the least recently used context, reloads it on demand, and answers identically', async () => {
    const p = pool(1);
    const first = await ask(p, adapters[0], 9);
    // At capacity, adapter 1 takes over adapter 0's context: it must answer as on a fresh context.
    const swapped = await ask(p, adapters[1], 9);
    const fresh = await ask(pool(4), adapters[1], 9);
    expect(swapped).toEqual(fresh);
    expect(swapped.tokens).not.toEqual(first.tokens);
    expect(p.isHot({ baseModel: tiny.path, adapterPath: adapters[0] })).toBe(false);
    const reloaded = await ask(p, adapters[0], 9);
    expect(reloaded).toEqual(first);
    expect(p.stats()).toMatchObject({ bases: 1, hot: 1, loads: 3, evictions: 2 });
    // A different seed samples differently: the equality above is the seed's doing, not a constant answer.
    const otherSeeds = await Promise.all([1, 2, 3].map((seed) => ask(p, adapters[0], seed)));
    expect(otherSeeds.some((g) => g.text !== first.text)).toBe(true);
  });

  it('releases idle contexts and reloads them on the next call', async () => {
    const p = pool(4);
    const first = await ask(p, adapters[2], 3);
    p.evictIdle(Date.now() + 30_000);
    expect(p.isHot({ baseModel: tiny.path, adapterPath: adapters[2] })).toBe(true);
    p.evictIdle(Date.now() + 61_000);
    expect(p.isHot({ baseModel: tiny.path, adapterPath: adapters[2] })).toBe(false);
    expect(await ask(p, adapters[2], 3)).toEqual(first);
    expect(p.stats()).toMatchObject({ loads: 2, evictions: 1, hot: 1 });
  });

  it('moves new adapters to a fresh base instance past the cap, and drops the old one with its last context', async () => {
    const p = pool(2, 3);
    const a0 = await ask(p, adapters[0], 4);
    await ask(p, adapters[1], 4);
    expect(p.stats()).toMatchObject({ bases: 1, drainingBases: 0, hot: 2 });
    // The third adapter on the instance reaches the cap: it drains, still serving its two contexts.
    await ask(p, adapters[2], 4);
    expect(p.stats()).toMatchObject({ bases: 0, drainingBases: 1, hot: 2 });
    // New adapters go on a fresh instance; the old one's contexts are evicted first, then it is dropped.
    expect(await ask(p, adapters[0], 4)).toEqual(a0);
    expect(p.stats()).toMatchObject({ bases: 1, drainingBases: 1, hot: 2 });
    await ask(p, adapters[3], 4);
    expect(p.stats()).toMatchObject({ bases: 1, drainingBases: 0, hot: 2 });
  });

  it('queues calls to one adapter on its context while other adapters run', async () => {
    const p = pool(2);
    const calls = [0, 1, 2, 0, 1, 2].map((i, n) => ask(p, adapters[i], 20 + (n % 3)));
    const out = await Promise.all(calls);
    expect(out[3]).toEqual(out[0]);
    expect(p.stats().hot).toBeLessThanOrEqual(2);
    await p.close();
    await expect(ask(p, adapters[0])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
