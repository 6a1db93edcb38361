import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AdapterPool } from '../src/ml/serving/adapterPool.ts';
import { writeRandomLoraGguf } from '../test/support/randomLoraAdapter.ts';
import { writeTinyLlamaGguf } from '../test/support/writeTinyLlamaGguf.ts';

/**
 * Many LoRA adapters on one base (src/ml/serving/adapterPool.ts), on a 135M-shaped Q8_0 base
 * (SmolLM-135M's dim 576, 30 layers, 9 heads / 3 KV heads, ffn 1536; random weights and the tiny
 * corpus's vocabulary, so ~106M parameters) with rank-8 q,v adapters: adapters hot in one process,
 * cold-adapter load time, tokens/s for one and for 4 concurrent adapters, memory per hot adapter.
 * SERVING_ADAPTERS (default 100) and SERVING_SHAPE=tiny (a quick run) change the size.
 */
function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench: 'serving', metric, value: Number(value.toFixed(3)), unit })}\n`,
  );
}
const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const mb = () => process.memoryUsage().rss / 2 ** 20;

const adapters = Number(process.env.SERVING_ADAPTERS ?? 100);
const shape =
  process.env.SERVING_SHAPE === 'tiny'
    ? { dim: 64, layers: 2, heads: 4, kvHeads: 2, ffn: 128 }
    : { dim: 576, layers: 30, heads: 9, kvHeads: 3, ffn: 1536 };
const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-bench-serving-'));
const pool = new AdapterPool({
  maxContexts: adapters,
  maxAdaptersPerBase: 100_000,
  idleMs: 3_600_000,
  contextSize: 256,
  batchSize: 64,
  threads: 1,
  maxParallel: Math.max(1, os.availableParallelism()),
});
try {
  let t0 = performance.now();
  const base = await writeTinyLlamaGguf(path.join(folder, 'base.gguf'), {
    ...shape,
    weightType: 'q8_0',
    seed: 1,
  });
  emit('base_write_ms', performance.now() - t0, 'ms');
  emit('base_file', (await fs.stat(base.path)).size / 2 ** 20, 'MB');
  const files: string[] = [];
  for (let i = 0; i < adapters + 4; i++) {
    files.push(
      await writeRandomLoraGguf(path.join(folder, `a${i}.gguf`), base, { seed: 100 + i, scale: 0.02 }),
    );
  }
  emit('adapter_file', (await fs.stat(files[0])).size / 2 ** 20, 'MB');
  const ask = (i: number, maxTokens: number, seed = 1) =>
    pool.generate({
      baseModel: base.path,
      adapterPath: files[i],
      prompt: 'The kitchen was warm and',
      maxTokens,
      temperature: 0.8,
      topK: 0,
      seed,
    });

  const rssStart = mb();
  t0 = performance.now();
  await ask(adapters, 1); // loads the base and one context
  emit('base_load_and_first_token_ms', performance.now() - t0, 'ms');
  const rssOne = mb();

  // Cold loads: each adapter's first call (context + adapter file), one token.
  const cold: number[] = [];
  for (let i = 0; i < adapters; i++) {
    const start = performance.now();
    await ask(i, 1);
    cold.push(performance.now() - start);
  }
  const hot: number[] = [];
  for (let i = 0; i < Math.min(adapters, 30); i++) {
    const start = performance.now();
    await ask(i, 1);
    hot.push(performance.now() - start);
  }
  const rssAll = mb();
  emit('adapters_hot', pool.stats().hot, 'adapters');
  emit('cold_first_token_p50', pct(cold, 50), 'ms');
  emit('cold_first_token_p95', pct(cold, 95), 'ms');
  emit('hot_first_token_p50', pct(hot, 50), 'ms');
  // The load itself, as the pool times it (a spare context made ahead + setting the adapter, or a
  // new context when no spare was ready); the first token adds the prompt.
  const loads = pool.recentLoadMs().slice(1);
  emit('cold_loads_from_spare', pool.stats().spareLoads, 'loads');
  emit('cold_load_p50', pct(loads, 50), 'ms');
  emit('cold_load_p95', pct(loads, 95), 'ms');
  emit('rss_base_plus_one_context', rssOne, 'MB');
  emit('rss_all_hot', rssAll, 'MB');
  emit('rss_per_hot_adapter', (rssAll - rssOne) / Math.max(1, adapters - 1), 'MB');
  emit('rss_before_base', rssStart, 'MB');

  // Throughput: 64 tokens on one adapter, then on 4 different adapters at once.
  const TOKENS = 64;
  t0 = performance.now();
  const one = await ask(0, TOKENS, 7);
  emit('tokens_per_s_1_adapter', one.tokens.length / ((performance.now() - t0) / 1000), 'tok/s');
  t0 = performance.now();
  const four = await Promise.all([1, 2, 3, 4].map((i) => ask(i, TOKENS, 7)));
  const total = four.reduce((n, g) => n + g.tokens.length, 0);
  emit('tokens_per_s_4_adapters', total / ((performance.now() - t0) / 1000), 'tok/s');
  emit('cpus', os.availableParallelism(), 'cores');

  // At capacity a cold adapter takes over the least recently used idle context (no allocation):
  // a pool of 4 contexts cycling through 40 adapters swaps 36 times.
  const small = new AdapterPool({ ...pool.options, maxContexts: 4 });
  try {
    for (let i = 0; i < Math.min(40, adapters); i++) {
      await small.generate({
        baseModel: base.path,
        adapterPath: files[i],
        prompt: 'The kitchen',
        maxTokens: 1,
        temperature: 0,
        topK: 0,
        seed: 1,
      });
    }
    const swaps = small.recentLoadMs().slice(4);
    emit('swap_load_p50', pct(swaps, 50), 'ms');
    emit('swap_load_p95', pct(swaps, 95), 'ms');
  } finally {
    await small.close();
  }
} finally {
  await pool.close();
  await fs.rm(folder, { recursive: true, force: true });
}
