import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nulFields, parseInput } from './parseInput.ts';

const params = z.object({
  name: z.string().trim(),
  items: z.array(z.object({ text: z.string() })).default([]),
  memo: z.record(z.string(), z.string()).optional(),
  file: z.instanceof(Buffer).optional(),
});

const refusal = (input: unknown) => {
  try {
    parseInput(params, input);
  } catch (e) {
    return e as { code: string; message: string; details: { fields: { field: string }[] } };
  }
  throw new Error('accepted');
};

describe('parseInput refuses NUL characters', () => {
  it('in a field, naming it', () => {
    const e = refusal({ name: 'harbour\u0000' });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toBe('name: must not contain NUL (\\u0000) characters');
    expect(e.details.fields).toEqual([{ field: 'name', message: expect.any(String) }]);
  });

  it('deep in arrays and in object keys, naming each', () => {
    const e = refusal({
      name: 'ok',
      items: [{ text: 'fine' }, { text: 'a\u0000b' }],
      memo: { 'k\u0000': 'v' },
    });
    expect(e.details.fields.map((f) => f.field)).toEqual(['items.1.text', 'memo']);
  });

  it('but not in binary contents, nor in clean text', () => {
    expect(parseInput(params, { name: 'ok', file: Buffer.from([0, 1, 0]) }).file).toHaveLength(3);
    expect(parseInput(params, { name: ' شعر ' }).name).toBe('شعر');
    expect(nulFields({ a: ['x', { b: 'y' }], n: 3, d: new Date(0) })).toEqual([]);
  });
});
