import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getLlama, type Llama, LlamaLogLevel } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGguf } from '../src/ml/gguf/readGguf.ts';
import { writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

describe('writeTinyLlamaGguf', () => {
  let dir: string;
  let llama: Llama;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-tiny-llama-'));
    llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  });
  afterAll(async () => {
    await llama?.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  for (const weightType of ['f32', 'f16', 'q8_0'] as const) {
    it(`writes a ${weightType} model with grouped KV heads that llama.cpp loads, tokenises and runs`, async () => {
      const tiny = await writeTinyLlamaGguf(path.join(dir, `tiny-${weightType}.gguf`), {
        kvHeads: 2,
        weightType,
        seed: 3,
      });
      const bytes = await fs.readFile(tiny.path);
      expect(bytes.byteLength).toBeLessThan(600_000);
      expect(readGguf(bytes).tensors.find((t) => t.name === 'blk.0.attn_k.weight')?.dims).toEqual([64, 32]);
      const model = await llama.loadModel({ modelPath: tiny.path });
      try {
        expect(model.tokens.bos).toBe(tiny.bosId);
        const text = 'The kitchen was warm. امروز هوا آفتابی است';
        const tokens = model.tokenize(text);
        expect(tokens.length).toBeLessThan(new TextEncoder().encode(text).length);
        expect(model.detokenize(tokens)).toBe(text);
        const context = await model.createContext({ contextSize: 128, threads: 1 });
        try {
          const sequence = context.getSequence();
          const generated: number[] = [];
          for await (const token of sequence.evaluate(tokens, { temperature: 0 })) {
            generated.push(token);
            if (generated.length === 5) break;
          }
          expect(generated).toHaveLength(5);
          for (const t of generated) expect(t).toBeLessThan(tiny.vocabSize);
        } finally {
          await context.dispose();
        }
      } finally {
        await model.dispose();
      }
    });
  }
});
