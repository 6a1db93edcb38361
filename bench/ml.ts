import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCorpusIndex } from '../src/attribution/buildCorpusIndex.ts';
import { InfiniGram } from '../src/attribution/infiniGram.ts';
import { loadBaseModel } from '../src/ml/loadBaseModel.ts';
import { TINY_CORPUS } from '../test/support/tinyModel/tinyCorpus.ts';
import { writeTinyCausalLm } from '../test/support/tinyModel/writeTinyCausalLm.ts';

/**
 * The neural base-model path on the tiny random-weight model (vocabulary ~400, hidden 64, 2 layers):
 * load time, next-token distributions per second, and ∞-gram generation with the neural
 * distribution mixed in. Measures the plumbing (tokenizer, ONNX session, cache reuse, mixing), not a
 * real model's arithmetic. Runs in a few seconds.
 */

// Same line format as bench/_support.ts, which is not imported because it loads the database harness.
function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench: 'ml', metric, value: Number(value.toFixed(3)), unit })}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-bench-ml-'));
try {
  let start = performance.now();
  await writeTinyCausalLm(folder, { seed: 1 });
  emit('tiny_model_write_ms', performance.now() - start, 'ms');

  // 1. Load time: median of fresh loads (the first also pays for importing onnxruntime).
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    start = performance.now();
    const loaded = await loadBaseModel({ source: folder });
    loads.push(performance.now() - start);
    await loaded.close();
  }
  emit('tiny_model_first_load_ms', loads[0], 'ms');
  emit('tiny_model_load_ms', median(loads.slice(1)), 'ms');

  const model = await loadBaseModel({ source: folder });
  const { tokenizer } = model;
  const prompt = tokenizer.encode('The kitchen was warm, and the bread came out of the oven');

  // 2a. Distributions along a growing context, as generation asks for them (the cache is reused).
  const steps = 400;
  const context = Array.from(prompt);
  start = performance.now();
  for (let i = 0; i < steps; i++) {
    const p = await model.nextTokenDistribution(Uint32Array.from(context));
    let best = 1;
    for (let id = 2; id < p.length; id++) if (p[id] > p[best]) best = id;
    context.push(best);
  }
  emit('neural_distributions_per_s', steps / ((performance.now() - start) / 1000), 'distributions/s');

  // 2b. Unrelated contexts of 32 tokens: every call runs the whole context.
  const contexts = TINY_CORPUS.map((text) => tokenizer.encode(text.repeat(3)).subarray(0, 32));
  const rounds = 20;
  start = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of contexts) await model.nextTokenDistribution(c);
  const fullCalls = rounds * contexts.length;
  emit(
    'neural_distributions_per_s_full_32',
    fullCalls / ((performance.now() - start) / 1000),
    'distributions/s',
  );

  // 3. ∞-gram generation over the model's tokenizer, alone and mixed with the neural distribution.
  const documents = TINY_CORPUS.map((text, i) => ({
    contributionId: `c${i}`,
    tokens: tokenizer.encode(text),
  }));
  const infiniGram = new InfiniGram(buildCorpusIndex(documents, { tokenLimit: tokenizer.vocabSize }));
  const external = { distribution: (c: Uint32Array) => model.nextTokenDistribution(c), lambda: 0.5 };
  await infiniGram.generate(prompt, { maxTokens: 50, external }); // warm-up
  for (const [metric, options] of [
    ['infinigram_generation_tokens_per_s', {}],
    ['mixed_generation_tokens_per_s', { external }],
    ['mixed_generation_tokens_per_s_temperature', { external, temperature: 0.8, topK: 40 }],
  ] as const) {
    let tokens = 0;
    start = performance.now();
    for (let seed = 0; seed < 10; seed++) {
      const result = await infiniGram.generate(prompt.subarray(0, 4), { maxTokens: 100, seed, ...options });
      tokens += result.tokens.length;
    }
    emit(metric, tokens / ((performance.now() - start) / 1000), 'tokens/s');
  }
  await model.close();
} finally {
  await fs.rm(folder, { recursive: true, force: true });
}
