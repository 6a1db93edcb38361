import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyLlamaGguf } from '../../../test/support/writeTinyLlamaGguf.ts';
import { type LlamaModel, loadLlamaModel } from './llamaModel.ts';
import { decodeLoraCheckpoint, encodeLoraCheckpoint, type LoraCheckpoint } from './loraCheckpoint.ts';
import { DEFAULT_LORA_CONFIG, type LoraTrainingConfig } from './loraTrainingConfig.ts';
import { trainLoraTfjs } from './trainLoraTfjs.ts';

// Documents that walk a fixed cycle of 12 tokens from different starts: a pattern the base never saw.
const CYCLE = [40, 7, 99, 150, 23, 61, 200, 88, 12, 130, 175, 54];
const doc = (start: number) => [
  1,
  ...Array.from({ length: 20 }, (_, i) => CYCLE[(start + i) % CYCLE.length]),
  2,
];
const TRAIN = Array.from({ length: 24 }, (_, i) => doc(i * 5));
const HELD_OUT = [doc(1), doc(4), doc(9)];
const CONFIG: LoraTrainingConfig = {
  ...DEFAULT_LORA_CONFIG,
  rank: 4,
  alpha: 8,
  learningRate: 2e-2,
  targets: ['q', 'v', 'o', 'down'],
  epochs: 3,
  batchSize: 4,
  maxSeqLen: 32,
  seed: 42,
  dropout: 0.1,
};

describe('trainLoraTfjs', () => {
  let dir: string;
  let model: LlamaModel;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-lora-train-'));
    const tiny = await writeTinyLlamaGguf(path.join(dir, 'tiny.gguf'), {
      dim: 32,
      heads: 4,
      kvHeads: 2,
      ffn: 64,
      seed: 5,
    });
    model = await loadLlamaModel(await fs.readFile(tiny.path));
  });
  afterAll(async () => {
    model?.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('lowers held-out loss, reports progress, and resumes from a checkpoint to the same adapter', async () => {
    const losses: number[] = [];
    const checkpoints: LoraCheckpoint[] = [];
    const full = await trainLoraTfjs({
      model,
      config: CONFIG,
      train: TRAIN,
      heldOut: HELD_OUT,
      checkpointEvery: 4,
      onProgress: (p) => {
        losses.push(p.loss);
      },
      onCheckpoint: (c) => {
        checkpoints.push(decodeLoraCheckpoint(encodeLoraCheckpoint(c)));
      },
    });
    const sequences = Math.ceil((TRAIN.flat().length - 1) / CONFIG.maxSeqLen);
    expect(full.steps).toBe(CONFIG.epochs * Math.ceil(sequences / CONFIG.batchSize));
    expect(losses).toHaveLength(full.steps);
    expect(full.eval).not.toBeNull();
    const { baseLoss, adapterLoss } = full.eval!;
    expect(adapterLoss).toBeLessThan(baseLoss - 0.5);
    expect(full.adapter.pairs.map((p) => p.target)).toEqual(['q', 'v', 'o', 'down', 'q', 'v', 'o', 'down']);

    const resumed = await trainLoraTfjs({
      model,
      config: CONFIG,
      train: TRAIN,
      heldOut: HELD_OUT,
      resumeFrom: checkpoints[0],
    });
    expect(checkpoints[0].step).toBe(4);
    expect(resumed.steps).toBe(full.steps);
    expect(resumed.lossCurve).toEqual(full.lossCurve);
    for (const [i, p] of resumed.adapter.pairs.entries()) {
      expect(Array.from(p.a)).toEqual(Array.from(full.adapter.pairs[i].a));
      expect(Array.from(p.b)).toEqual(Array.from(full.adapter.pairs[i].b));
    }
  });

  it('stops at the token budget and when aborted', async () => {
    const budget = await trainLoraTfjs({
      model,
      config: { ...CONFIG, tokenBudget: 100 },
      train: TRAIN,
      heldOut: [],
    });
    expect(budget.tokens).toBeGreaterThanOrEqual(100);
    expect(budget.steps).toBe(1);
    expect(budget.eval).toBeNull();
    const controller = new AbortController();
    await expect(
      trainLoraTfjs({
        model,
        config: CONFIG,
        train: TRAIN,
        heldOut: [],
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toThrow(/abort/i);
  });
});
