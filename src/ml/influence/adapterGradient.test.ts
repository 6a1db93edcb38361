import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tfjsAdapterGradient } from '../../../test/support/influence/tfjsAdapterGradient.ts';
import { randomLoraAdapter } from '../../../test/support/randomLoraAdapter.ts';
import { seededNormal, writeTinyLlamaGguf } from '../../../test/support/writeTinyLlamaGguf.ts';
import { type LlamaModel, loadLlamaModel } from '../lora/llamaModel.ts';
import type { LoraAdapter, LoraTarget } from '../lora/loraAdapter.ts';
import { adapterGradient, defaultInfluenceSpec, projectGradient } from './adapterGradient.ts';

/** An adapter on every target (FFN ones too, which randomLoraAdapter does not shape), alpha ≠ rank. */
function fullAdapter(shape: { dim: number; layers: number; heads: number; kvHeads: number; ffn: number }) {
  const base = randomLoraAdapter(shape, { seed: 4, scale: 0.1, targets: ['q', 'k', 'v', 'o'] });
  const normal = seededNormal(11);
  const ffnPairs = Array.from({ length: shape.layers }, (_, layer) =>
    (['gate', 'up', 'down'] as const).map((target) => {
      const [nIn, nOut] = target === 'down' ? [shape.ffn, shape.dim] : [shape.dim, shape.ffn];
      const fill = (n: number) => Float32Array.from({ length: n }, () => normal() * 0.1);
      return { layer, target, nIn, nOut, a: fill(8 * nIn), b: fill(8 * nOut) };
    }),
  ).flat();
  const pairs = [...base.pairs, ...ffnPairs].sort((x, y) => x.layer - y.layer);
  return { ...base, alpha: 16, targets: ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] as LoraTarget[], pairs };
}

/** Largest difference from the tfjs autodiff gradient, relative to that gradient's largest entry. */
function relativeError(
  model: LlamaModel,
  adapter: LoraAdapter,
  topLayers: number,
  tokens: number[],
  lossFrom = 9,
) {
  const spec = defaultInfluenceSpec(model.config, adapter.targets, { topLayers });
  const sequence = { tokens, lossFrom };
  const ours = adapterGradient(model, adapter, sequence, spec)!;
  const reference = tfjsAdapterGradient(model, adapter, sequence, spec);
  expect(ours.length).toBe(reference.length);
  let err = 0;
  let max = 0;
  for (let i = 0; i < ours.length; i++) {
    err = Math.max(err, Math.abs(ours[i] - reference[i]));
    max = Math.max(max, Math.abs(reference[i]));
  }
  expect(max).toBeGreaterThan(0);
  return err / max;
}

describe('the hand-written adapter gradient', () => {
  let dir: string;
  const models: LlamaModel[] = [];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-adapter-gradient-'));
  });
  afterAll(async () => {
    for (const m of models) m.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });
  const load = async (name: string, opts: Parameters<typeof writeTinyLlamaGguf>[1]) => {
    const tiny = await writeTinyLlamaGguf(path.join(dir, name), opts);
    const model = await loadLlamaModel(await fs.readFile(tiny.path));
    models.push(model);
    const tokens = Array.from({ length: 27 }, (_, i) => 3 + ((i * 37) % (tiny.vocabSize - 3)));
    return { tiny, model, tokens };
  };

  it('equals tfjs autodiff: grouped-query attention, q and v, top one and two layers', async () => {
    const shape = { dim: 64, layers: 3, heads: 4, kvHeads: 2, ffn: 128 };
    const { model, tokens } = await load('gqa.gguf', { ...shape, seed: 2 });
    const adapter = randomLoraAdapter(shape, { seed: 5, scale: 0.1 });
    expect(relativeError(model, adapter, 1, tokens)).toBeLessThan(1e-4);
    expect(relativeError(model, adapter, 2, tokens)).toBeLessThan(1e-4);
    // The top block computes only the loss's rows: every row, and the last one alone.
    expect(relativeError(model, adapter, 2, tokens, 1)).toBeLessThan(1e-4);
    expect(relativeError(model, adapter, 2, tokens, tokens.length - 1)).toBeLessThan(1e-4);
  });

  it('equals tfjs autodiff: every target adapted, scale alpha/rank = 2', async () => {
    const shape = { dim: 64, layers: 2, heads: 4, kvHeads: 4, ffn: 96 };
    const { model, tokens } = await load('mha.gguf', { ...shape, seed: 3 });
    expect(relativeError(model, fullAdapter(shape), 2, tokens)).toBeLessThan(1e-4);
  });

  it('equals tfjs autodiff where the lower layers and the output matrix stay in tfjs (large vocabulary)', async () => {
    const shape = { dim: 64, layers: 3, heads: 4, kvHeads: 2, ffn: 128 };
    // 66,000 × 64 output numbers: over the bound for copying the head out of tfjs.
    const { model, tokens } = await load('wide.gguf', { ...shape, seed: 4, vocabSize: 66_000 });
    const adapter = randomLoraAdapter(shape, { seed: 6, scale: 0.1 });
    expect(relativeError(model, adapter, 1, tokens)).toBeLessThan(1e-4);
  });

  it('projects with the seeded ±1/√d matrix stored features were made with', () => {
    const g = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.7));
    const d = 48;
    // The original row-by-row generation (xorshift32, one 32-bit draw per 32 columns).
    const expected = new Float64Array(d);
    let state = (0x5eed ^ 0x9e3779b9) >>> 0 || 1;
    for (let j = 0; j < g.length; j++)
      for (let k = 0; k < d; k += 32) {
        state ^= state << 13;
        state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5;
        state >>>= 0;
        for (let b = 0; b < Math.min(32, d - k); b++) expected[k + b] += (state >>> b) & 1 ? g[j] : -g[j];
      }
    const got = projectGradient(g, d, 0x5eed);
    for (let k = 0; k < d; k++) expect(got[k]).toBeCloseTo(expected[k] / Math.sqrt(d), 4);
  });
});
