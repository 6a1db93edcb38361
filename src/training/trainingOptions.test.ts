import { describe, expect, it } from 'vitest';
import { parseInput } from '../shared/parseInput.ts';
import { resolveTrainingOptions, trainingOptionsSchema } from './trainingOptions.ts';

const resolve = (input: unknown) => resolveTrainingOptions(parseInput(trainingOptionsSchema, input));

describe('training options', () => {
  it('fills LoRA defaults: rank 8 on q and v, alpha 2·rank', () => {
    expect(resolve({ kind: 'lora', baseModel: 'smol' })).toEqual({
      kind: 'lora',
      baseModel: 'smol',
      tokenizer: 'base',
      minSpan: 4,
      lora: {
        rank: 8,
        alpha: 16,
        dropout: 0.05,
        targets: ['q', 'v'],
        learningRate: 5e-4,
        epochs: 1,
        batchSize: 4,
        maxSeqLen: 128,
        tokenBudget: null,
        seed: 0,
      },
    });
    const custom = resolve({
      kind: 'lora',
      baseModel: 'smol',
      lora: { rank: 4, targets: ['q', 'k', 'down'], tokenBudget: 5000, seed: 3 },
    });
    expect(custom).toMatchObject({
      lora: { rank: 4, alpha: 8, targets: ['q', 'k', 'down'], tokenBudget: 5000, seed: 3 },
    });
  });

  it('refuses bad LoRA options naming the field', () => {
    const fieldOf = (input: unknown) => {
      try {
        resolve(input);
      } catch (error) {
        const e = error as { code: string; details: { fields: { field: string }[] } };
        expect(e.code).toBe('BAD_INPUT');
        return e.details.fields.map((f) => f.field);
      }
      throw new Error('accepted');
    };
    expect(fieldOf({ kind: 'lora' })).toEqual(['options.baseModel']);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', tokenizer: 'words' })).toEqual(['options.tokenizer']);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', lora: { rank: 0 } })).toEqual(['lora.rank']);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', lora: { targets: ['q', 'q'] } })).toEqual([
      'lora.targets',
    ]);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', lora: { targets: ['attn'] } })).toEqual([
      'lora.targets.0',
    ]);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', lora: { learningRate: 5 } })).toEqual([
      'lora.learningRate',
    ]);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', lora: { dropout: 0.9 } })).toEqual(['lora.dropout']);
    expect(fieldOf({ kind: 'lora', baseModel: 'smol', lora: { ranks: 2 } })).toEqual(['lora']);
    expect(fieldOf({ baseModel: 'smol', lora: { rank: 2 } })).toEqual(['options.lora']);
  });

  it('keeps the ∞-gram options as they were', () => {
    expect(resolve({})).toEqual({ tokenizer: 'words', baseModel: null, minSpan: 4, mixWeight: 0 });
  });
});
