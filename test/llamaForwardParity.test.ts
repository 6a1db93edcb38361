import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { getLlama, type Llama, LlamaLogLevel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLoraGguf } from '../src/ml/lora/encodeLoraGguf.ts';
import { adapterWeights, llamaLogits } from '../src/ml/lora/llamaForward.ts';
import { type LlamaModel, loadLlamaModel } from '../src/ml/lora/llamaModel.ts';
import { LORA_TARGETS, type LoraAdapter } from '../src/ml/lora/loraAdapter.ts';
import { seededNormal, writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

const TEXT = 'The kitchen was warm, and the bread came out. امروز هوا';

function randomAdapter(model: LlamaModel, rank: number, seed: number): LoraAdapter {
  const c = model.config;
  const normal = seededNormal(seed);
  const dims = {
    q: [c.dim, c.dim],
    k: [c.dim, c.kvHeads * c.headDim],
    v: [c.dim, c.kvHeads * c.headDim],
    o: [c.dim, c.dim],
    gate: [c.dim, c.ffn],
    up: [c.dim, c.ffn],
    down: [c.ffn, c.dim],
  };
  const fill = (n: number) => Float32Array.from({ length: n }, () => normal() * 0.3);
  const pairs = [];
  for (let layer = 0; layer < c.layers; layer++)
    for (const target of LORA_TARGETS) {
      const [nIn, nOut] = dims[target];
      pairs.push({ layer, target, nIn, nOut, a: fill(rank * nIn), b: fill(nOut * rank) });
    }
  return { rank, alpha: 2 * rank, targets: [...LORA_TARGETS], pairs };
}

/** log p(next) per position from llama.cpp, for every token it reports. */
async function llamaCppLogProbs(llama: Llama, modelPath: string, loraPath?: string) {
  const model = await llama.loadModel({ modelPath });
  const tokens = model.tokenize(TEXT);
  const context = await model.createContext({
    contextSize: 128,
    threads: 1,
    // An f32 KV cache and no flash attention (both f16 by default on CPU), so the comparison can be tight.
    flashAttention: false,
    experimentalKvCacheKeyType: 'F32',
    experimentalKvCacheValueType: 'F32',
    ...(loraPath ? { lora: { adapters: [{ filePath: loraPath, scale: 1 }] } } : {}),
  });
  try {
    const out = await context
      .getSequence()
      .controlledEvaluate(tokens.map((t) => [t, { generateNext: { probabilities: true } }]));
    return {
      tokens: tokens as number[],
      probs: out.map((o) => o?.next.probabilities ?? new Map<number, number>()),
    };
  } finally {
    await context.dispose();
    await model.dispose();
  }
}

describe('tfjs Llama forward pass vs llama.cpp', () => {
  let dir: string;
  let llama: Llama;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-parity-'));
    llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  });
  afterAll(async () => {
    await llama?.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  for (const { name, kvHeads, withAdapter } of [
    { name: 'multi-head', kvHeads: 4, withAdapter: false },
    { name: 'grouped KV heads', kvHeads: 2, withAdapter: false },
    { name: 'grouped KV heads with a LoRA adapter on every module', kvHeads: 1, withAdapter: true },
  ]) {
    it(`gives the same next-token distribution: ${name}`, async () => {
      const tiny = await writeTinyLlamaGguf(path.join(dir, `${name}.gguf`), {
        kvHeads,
        scale: 0.2,
        seed: kvHeads,
      });
      const model = await loadLlamaModel(await fs.readFile(tiny.path));
      try {
        let loraPath: string | undefined;
        const adapter = withAdapter ? randomAdapter(model, 4, 7) : undefined;
        if (adapter) {
          loraPath = path.join(dir, `${name}.lora.gguf`);
          await fs.writeFile(loraPath, encodeLoraGguf(adapter));
        }
        const ref = await llamaCppLogProbs(llama, tiny.path, loraPath);
        const base = await llamaCppLogProbs(llama, tiny.path);
        const lora = adapter ? adapterWeights(adapter) : undefined;
        const ours = tf.tidy(() =>
          tf
            .logSoftmax(llamaLogits(model, tf.tensor2d([ref.tokens], [1, ref.tokens.length], 'int32'), lora))
            .arraySync(),
        ) as number[][];
        if (lora) for (const p of lora.pairs.values()) tf.dispose([p.a, p.b]);
        let worst = 0;
        let adapterShift = 0;
        for (let i = 0; i < ref.tokens.length; i++) {
          const top = [...ref.probs[i].keys()][0];
          expect(ours[i].indexOf(Math.max(...ours[i]))).toBe(top);
          for (const [token, p] of ref.probs[i]) {
            if (p > 1e-3) worst = Math.max(worst, Math.abs(Math.log(p) - ours[i][token]));
            adapterShift = Math.max(adapterShift, Math.abs(p - (base.probs[i].get(token) ?? 0)));
          }
        }
        expect(worst).toBeLessThan(1e-3);
        if (adapter) expect(adapterShift).toBeGreaterThan(0.05);
      } finally {
        model.dispose();
      }
    });
  }
});
