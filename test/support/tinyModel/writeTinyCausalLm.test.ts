import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.ts';
import { byteSymbols, trainByteLevelBpe } from './trainByteLevelBpe.ts';
import { writeTinyCausalLm } from './writeTinyCausalLm.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-tiny-lm-'));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

async function readAll(folder: string, files: string[]): Promise<Map<string, Buffer>> {
  return new Map(
    await Promise.all(files.map(async (f) => [f, await fs.readFile(path.join(folder, f))] as const)),
  );
}

describe('writeTinyCausalLm', () => {
  it('writes byte-identical files for the same seed and different weights for another', async () => {
    const a = await writeTinyCausalLm(path.join(root, 'a'), { seed: 7 });
    const b = await writeTinyCausalLm(path.join(root, 'b'), { seed: 7 });
    const c = await writeTinyCausalLm(path.join(root, 'c'), { seed: 8 });
    expect(a.files).toEqual([
      'config.json',
      'generation_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/model.onnx',
    ]);
    const [filesA, filesB, filesC] = await Promise.all([
      readAll(a.folder, a.files),
      readAll(b.folder, b.files),
      readAll(c.folder, c.files),
    ]);
    for (const file of a.files) expect(filesB.get(file)?.equals(filesA.get(file)!), file).toBe(true);
    expect(filesC.get('onnx/model.onnx')?.equals(filesA.get('onnx/model.onnx')!)).toBe(false);
    // The tokenizer depends on the corpus, not the seed.
    expect(filesC.get('tokenizer.json')?.equals(filesA.get('tokenizer.json')!)).toBe(true);
  });

  it('describes a small llama-typed model whose vocabulary matches the tokenizer', async () => {
    const { folder, vocabSize } = await writeTinyCausalLm(path.join(root, 'd'), {
      maxVocabSize: 300,
      hiddenSize: 32,
      layers: 1,
      heads: 2,
    });
    const config = JSON.parse(await fs.readFile(path.join(folder, 'config.json'), 'utf8'));
    const tokenizer = JSON.parse(await fs.readFile(path.join(folder, 'tokenizer.json'), 'utf8'));
    expect(vocabSize).toBe(300);
    expect(config).toMatchObject({
      model_type: 'llama',
      vocab_size: 300,
      hidden_size: 32,
      num_hidden_layers: 1,
      num_attention_heads: 2,
      num_key_value_heads: 2,
      head_dim: 16,
    });
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(300);
    const model = await fs.stat(path.join(folder, 'onnx/model.onnx'));
    expect(model.size).toBeLessThan(200_000);
  });

  it('rejects shapes it cannot build with a BAD_INPUT error', async () => {
    for (const options of [
      { hiddenSize: 30, heads: 4 },
      { maxVocabSize: 100 },
      { seed: -1 },
      { layers: 0 },
    ]) {
      const error = await writeTinyCausalLm(path.join(root, 'bad'), options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_INPUT');
    }
  });
});

describe('trainByteLevelBpe', () => {
  it('maps all 256 bytes to distinct printable symbols', () => {
    const symbols = byteSymbols();
    expect(new Set(symbols).size).toBe(256);
    expect(symbols[0x20]).toBe('Ġ');
    expect(symbols[0x41]).toBe('A');
  });

  it('learns merges deterministically and only for pairs seen at least twice', () => {
    const corpus = ['the cat and the hat and the bat', 'گربه و کلاه گربه'];
    const first = trainByteLevelBpe(corpus, 50);
    expect(trainByteLevelBpe(corpus, 50)).toEqual(first);
    expect(first.tokens).toContain('Ġthe');
    const symbols = byteSymbols();
    const cat = Array.from(new TextEncoder().encode('گربه'), (b) => symbols[b]).join('');
    expect(first.tokens).toContain(cat);
    const vocabulary = new Set(first.tokens);
    for (const [left, right] of first.merges) {
      expect(vocabulary.has(left) && vocabulary.has(right) && vocabulary.has(left + right)).toBe(true);
    }
    expect(trainByteLevelBpe(['abc'], 50).merges).toEqual([]);
  });
});
