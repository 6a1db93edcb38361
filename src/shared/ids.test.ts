import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idSchema, isRowId, MAX_ID } from './ids.ts';
import { parseInput } from './parseInput.ts';

const params = z.object({ accountId: idSchema });

describe('idSchema', () => {
  it('accepts every id a bigint column can hold, as a string', () => {
    expect(parseInput(params, { accountId: '12' }).accountId).toBe('12');
    expect(parseInput(params, { accountId: 12 }).accountId).toBe('12');
    expect(parseInput(params, { accountId: MAX_ID.toString() }).accountId).toBe('9223372036854775807');
  });

  it.each([
    ['one past bigint', (MAX_ID + 1n).toString()],
    ['the largest 19 digits', '9999999999999999999'],
    ['20 digits', '12345678901234567890'],
    ['an unsafe number', 2 ** 64],
    ['a negative number', -1],
    ['text', '12abc'],
  ])('refuses %s with BAD_INPUT naming the field', (_what, accountId) => {
    expect(() => parseInput(params, { accountId })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/^accountId: /) }),
    );
  });

  it('tells a row id from a name', () => {
    expect(isRowId('12')).toBe(true);
    expect(isRowId(MAX_ID.toString())).toBe(true);
    expect(isRowId((MAX_ID + 1n).toString())).toBe(false);
    expect(isRowId('Harbour Verse')).toBe(false);
  });
});
