import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyCausalLm } from '../../test/support/tinyModel/writeTinyCausalLm.ts';
import { AppError } from '../errors.ts';
import type { BaseModel } from './baseModel.ts';
import { loadBaseModel } from './loadBaseModel.ts';

const root = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-base-model-'));
const folder = path.join(root, 'tiny');
let model: BaseModel;

beforeAll(async () => {
  await writeTinyCausalLm(folder, { seed: 11 });
  model = await loadBaseModel({ source: folder });
});
afterAll(async () => {
  await model?.close();
  await fs.rm(root, { recursive: true, force: true });
});

async function loadError(options: Parameters<typeof loadBaseModel>[0]): Promise<AppError> {
  const error = await loadBaseModel(options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function expectDistribution(p: Float32Array, size: number): void {
  expect(p).toHaveLength(size);
  expect(p[0]).toBe(0);
  let sum = 0;
  for (const x of p) {
    expect(x >= 0 && x <= 1).toBe(true);
    sum += x;
  }
  expect(sum).toBeCloseTo(1, 5);
}

describe('loadBaseModel', () => {
  it('loads the written folder offline and leaves the library settings as they were', async () => {
    const before = { remote: env.allowRemoteModels, local: env.localModelPath, cache: env.cacheDir };
    const again = await loadBaseModel({ source: path.relative(process.cwd(), folder) || folder });
    expect({ remote: env.allowRemoteModels, local: env.localModelPath, cache: env.cacheDir }).toEqual(before);
    expect(again.tokenizer.id).toBe(model.tokenizer.id);
    expect(again.source).toBe(folder);
    expect(model.tokenizer.id).toMatch(/^base:[0-9a-f]{16}$/);
    expect(model.source).toBe(folder);
    await again.close();
  });

  it('round-trips Persian, English and anything else through encode and decode, ids from 1', () => {
    const { tokenizer } = model;
    for (const text of [
      'The kitchen was warm, and the bread came out of the oven.',
      'مادربزرگ هر جمعه آش رشته می‌پزد.',
      'mixed متن with ۱۲۳ digits, 😀 emoji,\n\ttabs  and  spaces ',
      '',
    ]) {
      const ids = tokenizer.encode(text);
      for (const id of ids) expect(id >= 1 && id < tokenizer.vocabSize).toBe(true);
      expect(tokenizer.decode(ids)).toBe(text);
    }
    // Merges learned from the corpus make familiar words shorter than their bytes.
    expect(tokenizer.encode(' the bread').length).toBeLessThan(6);
    expect(tokenizer.encode('کتاب').length).toBeLessThan(8);
    expect(tokenizer.eosTokenId).toBe(3);
    expect(tokenizer.decode([tokenizer.eosTokenId!])).toBe('<|eos|>');
  });

  it('gives valid next-token distributions, the same with and without the reused cache', async () => {
    const { tokenizer } = model;
    const ids = tokenizer.encode('Rain fell all night; by morning');
    const fresh = await loadBaseModel({ source: folder });
    for (let end = 1; end <= ids.length; end++) {
      const incremental = await model.nextTokenDistribution(ids.subarray(0, end));
      expectDistribution(incremental, tokenizer.vocabSize);
      if (end % 4 === 0 || end === ids.length) {
        // `fresh` sees jumps of several tokens and a context shorter than its last one.
        const full = await fresh.nextTokenDistribution(ids.subarray(0, end));
        for (let i = 0; i < full.length; i++) expect(Math.abs(full[i] - incremental[i])).toBeLessThan(1e-5);
      }
    }
    expectDistribution(await model.nextTokenDistribution(new Uint32Array(0)), tokenizer.vocabSize);
    const other = await model.nextTokenDistribution(ids.subarray(0, 2));
    const last = await model.nextTokenDistribution(ids);
    expect(other.some((p, i) => Math.abs(p - last[i]) > 1e-4)).toBe(true);
    await fresh.close();
  });

  it('gives different distributions for models written from different seeds', async () => {
    const otherFolder = path.join(root, 'other');
    await writeTinyCausalLm(otherFolder, { seed: 12 });
    const other = await loadBaseModel({ source: otherFolder });
    const context = model.tokenizer.encode('A good recipe');
    const [p, q] = [await model.nextTokenDistribution(context), await other.nextTokenDistribution(context)];
    expect(p.some((x, i) => Math.abs(x - q[i]) > 1e-4)).toBe(true);
    await other.close();
  });

  it('answers concurrent calls as it answers them one by one', async () => {
    const contexts = ['A good recipe', 'باران دیشب', 'A good recipe is'].map((t) =>
      model.tokenizer.encode(t),
    );
    const together = await Promise.all(contexts.map((c) => model.nextTokenDistribution(c)));
    for (const [i, c] of contexts.entries()) {
      expect(Array.from(await model.nextTokenDistribution(c))).toEqual(Array.from(together[i]));
    }
  });

  it('keeps the last max_position_embeddings tokens of a longer context', async () => {
    const short = path.join(root, 'short');
    await writeTinyCausalLm(short, { seed: 11, maxPositions: 16 });
    const windowed = await loadBaseModel({ source: short });
    const ids = windowed.tokenizer.encode(
      'The kitchen was warm, and the bread came out of the oven just before.',
    );
    expect(ids.length).toBeGreaterThan(20);
    const long = await windowed.nextTokenDistribution(ids);
    const tail = await windowed.nextTokenDistribution(ids.slice(-16));
    for (let i = 0; i < long.length; i++) expect(Math.abs(long[i] - tail[i])).toBeLessThan(1e-6);
    await windowed.close();
  });

  it('rejects token ids outside the vocabulary', async () => {
    for (const bad of [[0], [model.tokenizer.vocabSize]]) {
      const error = await model.nextTokenDistribution(Uint32Array.from(bad)).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('BAD_INPUT');
      expect(() => model.tokenizer.decode(bad)).toThrow(AppError);
    }
  });

  it('explains a missing folder, missing files and a broken model without a stack trace', async () => {
    const missing = path.join(root, 'nowhere');
    const notFound = await loadError({ source: missing });
    expect(notFound.code).toBe('BAD_INPUT');
    expect(notFound.message).toContain(missing);
    expect(notFound.message).toContain('onnx/model.onnx');
    expect(notFound.message).not.toMatch(/\n\s+at /);

    const partial = path.join(root, 'partial');
    await fs.mkdir(partial, { recursive: true });
    await fs.copyFile(path.join(folder, 'config.json'), path.join(partial, 'config.json'));
    const lacking = await loadError({ source: partial });
    expect(lacking.code).toBe('BAD_INPUT');
    expect(lacking.details.missing).toEqual(['tokenizer.json', 'onnx/model.onnx']);

    const broken = path.join(root, 'broken');
    await fs.cp(folder, broken, { recursive: true });
    await fs.writeFile(path.join(broken, 'onnx/model.onnx'), 'not an onnx model');
    const unreadable = await loadError({ source: broken });
    expect(unreadable.code).toBe('BAD_INPUT');
    expect(unreadable.message).toContain(broken);
  });

  it('refuses a hub id that is not cached while remote models are off', async () => {
    const cacheDir = path.join(root, 'cache');
    await fs.mkdir(cacheDir, { recursive: true });
    const remoteBefore = env.allowRemoteModels;
    const error = await loadError({ source: 'potluck-test/not-cached', cacheDir });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('potluck-test/not-cached');
    expect(env.allowRemoteModels).toBe(remoteBefore);
  });

  it('loads a hub id offline from the cache folder it was downloaded to', async () => {
    const cacheDir = path.join(root, 'hub-cache');
    await fs.cp(folder, path.join(cacheDir, 'potluck-test', 'tiny'), { recursive: true });
    const fromHub = await loadBaseModel({ source: 'potluck-test/tiny', cacheDir });
    expect(fromHub.source).toBe('potluck-test/tiny');
    expect(fromHub.tokenizer.id).toBe(model.tokenizer.id);
    const context = model.tokenizer.encode('Every answer');
    expect(Array.from(await fromHub.nextTokenDistribution(context))).toEqual(
      Array.from(await model.nextTokenDistribution(context)),
    );
    await fromHub.close();
  });

  it('keeps concurrent loads with different settings apart', async () => {
    const before = { remote: env.allowRemoteModels, local: env.localModelPath, cache: env.cacheDir };
    const [local, hub] = await Promise.allSettled([
      loadBaseModel({ source: folder }),
      loadBaseModel({ source: 'potluck-test/elsewhere', cacheDir: path.join(root, 'empty-cache') }),
    ]);
    expect(local.status).toBe('fulfilled');
    expect(hub.status === 'rejected' && (hub.reason as AppError).code).toBe('UNAVAILABLE');
    expect({ remote: env.allowRemoteModels, local: env.localModelPath, cache: env.cacheDir }).toEqual(before);
    if (local.status === 'fulfilled') await local.value.close();
  });

  it('refuses to run after close', async () => {
    const closing = await loadBaseModel({ source: folder });
    await closing.close();
    const error = await closing.nextTokenDistribution(Uint32Array.of(5)).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('UNAVAILABLE');
  });
});
