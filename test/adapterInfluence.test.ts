import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contributionFeatures,
  defaultInfluenceSpec,
  projectedAdapterGradient,
} from '../src/ml/influence/adapterGradient.ts';
import { type LlamaModel, loadLlamaModel } from '../src/ml/lora/llamaModel.ts';
import { randomLoraAdapter } from './support/randomLoraAdapter.ts';
import { writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

const TEXTS = [
  'The kitchen was warm and the bread was rising slowly by the window.',
  'Rain fell on the tin roof all night while the dog slept.',
  'A river runs under the old stone bridge toward the sea.',
  'The lanterns glowed over the quiet harbour at dusk.',
  'She counted the stars until the morning light came.',
  'Seven crows sat on the fence and argued about nothing.',
];

describe('gradient influence over the adapter', () => {
  let dir: string;
  let model: LlamaModel;
  let docs: number[][];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-influence-'));
    const tiny = await writeTinyLlamaGguf(path.join(dir, 'tiny.gguf'), { seed: 6 });
    const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    const base = await llama.loadModel({ modelPath: tiny.path });
    docs = TEXTS.map((text) => [tiny.bosId, ...base.tokenize(text, false)]);
    await base.dispose();
    await llama.dispose();
    model = await loadLlamaModel(await fs.readFile(tiny.path));
  });
  afterAll(async () => {
    model?.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('ranks first the contribution a probe answer was copied from', () => {
    const adapter = randomLoraAdapter(model.config, { seed: 8, scale: 0.3 });
    const spec = defaultInfluenceSpec(model.config, ['q', 'v'], { projectionDim: 64 });
    const features = contributionFeatures(model, adapter, docs, spec);
    const d = spec.projectionDim;
    for (const [source, doc] of docs.entries()) {
      // Prompt: the first third of the text; answer: the rest, copied verbatim.
      const cut = Math.max(2, Math.floor(doc.length / 3));
      const g = projectedAdapterGradient(model, adapter, { tokens: doc, lossFrom: cut }, spec);
      const scores = docs.map((_, c) => {
        let dot = 0;
        let norm = 0;
        for (let i = 0; i < d; i++) {
          dot += g[i] * features[c * d + i];
          norm += features[c * d + i] ** 2;
        }
        return dot / Math.sqrt(norm);
      });
      const best = scores.indexOf(Math.max(...scores));
      expect(best, `probe from text ${source}: scores ${scores.map((s) => s.toFixed(3))}`).toBe(source);
    }
  });

  it('is deterministic: the same inputs give the same projected gradient bit for bit', () => {
    const adapter = randomLoraAdapter(model.config, { seed: 9 });
    const spec = defaultInfluenceSpec(model.config, ['q', 'v']);
    const a = projectedAdapterGradient(model, adapter, { tokens: docs[0], lossFrom: 3 }, spec);
    const b = projectedAdapterGradient(model, adapter, { tokens: docs[0], lossFrom: 3 }, spec);
    expect(a).toEqual(b);
    expect(a.some((x) => x !== 0)).toBe(true);
  });
});
