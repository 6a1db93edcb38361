import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBaseModels, resolveBaseModel } from './baseModelCatalog.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-catalog-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (rel: string, text = 'x') => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe('base model catalog', () => {
  it('lists .gguf files and folders with config.json by name; the folder wins a shared name', async () => {
    file('llama-tiny.gguf');
    file('gpt2/config.json', '{}');
    file('both.gguf');
    file('both/config.json', '{}');
    file('no-config/tokenizer.json');
    file('.hidden.gguf');
    file('notes.txt');
    expect(await listBaseModels(dir)).toEqual([
      { name: 'both', format: 'transformers', path: path.join(dir, 'both') },
      { name: 'gpt2', format: 'transformers', path: path.join(dir, 'gpt2') },
      { name: 'llama-tiny', format: 'gguf', path: path.join(dir, 'llama-tiny.gguf') },
    ]);
    expect(await listBaseModels(path.join(dir, 'absent'))).toEqual([]);
  });

  it('resolves names only, and its errors list the names and never a path', async () => {
    expect(await resolveBaseModel(dir, 'gpt2')).toMatchObject({ name: 'gpt2', format: 'transformers' });
    for (const probe of ['/etc/passwd', dir, '../gpt2', 'gpt2/config.json', 'no-config', 'llama-tiny.gguf']) {
      const error = await resolveBaseModel(dir, probe).catch((e) => e);
      expect(error).toMatchObject({
        code: 'BAD_INPUT',
        details: { field: 'baseModel', available: ['both', 'gpt2', 'llama-tiny'] },
      });
      expect(JSON.stringify([error.message, error.details])).not.toMatch(/\/|\\|potluck-catalog/);
    }
    await expect(resolveBaseModel(path.join(dir, 'absent'), 'gpt2')).rejects.toMatchObject({
      message: expect.stringContaining('no base models are installed'),
    });
  });
});
