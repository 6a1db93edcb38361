import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './parseInput.ts';
import { displayNameSchema } from './textSchemas.ts';

const params = z.object({ name: displayNameSchema });

describe('display names', () => {
  it('accept names in any script, with the joiners Persian and emoji need', () => {
    for (const name of ['Harbour Poet v1.2', 'شاعر\u200Cها', 'Poet 👩\u200D🎤', 'نسخه (۲)']) {
      expect(parseInput(params, { name }).name).toBe(name);
    }
  });

  it.each([
    ['a bidi override', 'Poet\u202Eledom'],
    ['a bidi isolate', 'Poet\u2066x\u2069'],
    ['a right-to-left mark', 'Poet\u200F'],
    ['an Arabic letter mark', 'Poet\u061C'],
    ['a newline', 'Poet\nFake'],
    ['an escape', 'Poet\u001b[31m'],
    ['a C1 control', 'Poet\u0085'],
    ['a line separator', 'Poet\u2028x'],
  ])('refuse %s, naming the field', (_what, name) => {
    expect(() => parseInput(params, { name })).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        message: expect.stringMatching(/^name: .*bidirectional/),
      }),
    );
  });
});
