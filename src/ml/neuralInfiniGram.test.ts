import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_CORPUS } from '../../test/support/tinyModel/tinyCorpus.ts';
import { writeTinyCausalLm } from '../../test/support/tinyModel/writeTinyCausalLm.ts';
import { buildCorpusIndex } from '../attribution/buildCorpusIndex.ts';
import { mixDense, neuralShare, neuralTotal } from '../attribution/externalMixture.ts';
import { type ExternalDistribution, InfiniGram } from '../attribution/infiniGram.ts';
import type { BaseModel } from './baseModel.ts';
import { loadBaseModel } from './loadBaseModel.ts';

// The ∞-gram model interpolated with the tiny neural model over the model's own tokenizer (DESIGN §5).
const root = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-neural-infinigram-'));
let model: BaseModel;
let infiniGram: InfiniGram;

beforeAll(async () => {
  await writeTinyCausalLm(root, { seed: 5 });
  model = await loadBaseModel({ source: root });
  const documents = TINY_CORPUS.map((text, i) => ({
    contributionId: `c${i % 5}`,
    tokens: model.tokenizer.encode(text),
  }));
  infiniGram = new InfiniGram(buildCorpusIndex(documents, { tokenLimit: model.tokenizer.vocabSize }));
});
afterAll(async () => {
  await model?.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('∞-gram interpolated with the tiny neural model', () => {
  it('mixes into a distribution that sums to 1 and differs from both parts', async () => {
    const lambda = 0.3;
    const context = model.tokenizer.encode('The kitchen was');
    const neural = await model.nextTokenDistribution(context);
    const infinite = infiniGram.nextTokenDistribution(context);
    expect(infinite.suffixLength).toBeGreaterThan(0);
    const total = neuralTotal(neural);
    const share = neuralShare(lambda, total, infinite.total > 0);
    const mixed = mixDense(neural, total, share, infinite, infiniGram.index.tokenLimit, new Float64Array(0));

    const infiniteDense = new Float64Array(mixed.length);
    for (let i = 0; i < infinite.tokens.length; i++) {
      infiniteDense[infinite.tokens[i]] = infinite.counts[i] / infinite.total;
    }
    let sum = 0;
    let fromNeural = 0;
    let fromInfinite = 0;
    for (let id = 0; id < mixed.length; id++) {
      sum += mixed[id];
      const expected = lambda * (neural[id] / total) + (1 - lambda) * infiniteDense[id];
      expect(mixed[id]).toBeCloseTo(expected, 9);
      fromNeural = Math.max(fromNeural, Math.abs(mixed[id] - neural[id]));
      fromInfinite = Math.max(fromInfinite, Math.abs(mixed[id] - infiniteDense[id]));
    }
    expect(sum).toBeCloseTo(1, 6);
    expect(fromNeural).toBeGreaterThan(0.05);
    expect(fromInfinite).toBeGreaterThan(0.05);
  });

  it('generates end to end with the neural distribution mixed in', async () => {
    const prompt = model.tokenizer.encode('The kitchen was');
    let calls = 0;
    const distribution: ExternalDistribution = (context) => {
      calls++;
      expect(context.subarray(0, prompt.length)).toEqual(prompt);
      return model.nextTokenDistribution(context);
    };
    const stopTokens = [model.tokenizer.eosTokenId!];
    const run = (lambda: number, extra = {}) =>
      infiniGram.generate(prompt, {
        maxTokens: 24,
        seed: 9,
        stopTokens,
        external: { distribution, lambda },
        ...extra,
      });

    const mixed = await run(0.5);
    expect(calls).toBeGreaterThanOrEqual(mixed.tokens.length);
    expect(mixed.tokens.length).toBeGreaterThan(0);
    for (const id of mixed.tokens) expect(id >= 1 && id < model.tokenizer.vocabSize).toBe(true);
    expect(typeof model.tokenizer.decode(mixed.tokens)).toBe('string');
    expect(await run(0.5)).toEqual(mixed);

    // lambda 0 is the ∞-gram alone; any neural weight changes what comes out.
    const alone = await infiniGram.generate(prompt, { maxTokens: 24, seed: 9, stopTokens });
    expect(await run(0)).toEqual(alone);
    expect(Array.from(mixed.tokens)).not.toEqual(Array.from(alone.tokens));

    // Temperature and top-k take the dense mixing path.
    const shaped = await run(0.5, { temperature: 0.7, topK: 20 });
    expect(shaped.tokens.length).toBeGreaterThan(0);
    for (const id of shaped.tokens) expect(id >= 1 && id < model.tokenizer.vocabSize).toBe(true);
  });
});
