import { describe, expect, it } from 'vitest';
import { AppError, isConnectionLost, toAppError } from '../errors.ts';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isConnectionLost / toAppError', () => {
  it('recognises a dropped connection however postgres.js or the socket reports it', () => {
    for (const code of [
      '57P01',
      '57P03',
      '08006',
      'CONNECTION_CLOSED',
      'CONNECTION_DESTROYED',
      'ECONNRESET',
      'EPIPE',
    ]) {
      expect(isConnectionLost(withCode(code)), code).toBe(true);
      expect(toAppError(withCode(code))).toMatchObject({ code: 'UNAVAILABLE', details: { retryable: true } });
    }
  });

  it('leaves query errors and bugs alone, and AppErrors as they are', () => {
    for (const code of ['23505', '22P02', '40001', 'ENOENT'])
      expect(isConnectionLost(withCode(code)), code).toBe(false);
    expect(isConnectionLost(new TypeError('x is not a function'))).toBe(false);
    expect(toAppError(withCode('23505'))).toBeUndefined();
    const refusal = new AppError('NOT_FOUND', 'nope');
    expect(toAppError(refusal)).toBe(refusal);
  });
});
