import type { ErrorCode } from '../../src/errors.ts';

const TITLES: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'error-title-bad-input',
  NOT_FOUND: 'error-title-not-found',
  FORBIDDEN: 'error-title-forbidden',
  INSUFFICIENT_FUNDS: 'error-title-insufficient-funds',
  EXPIRED: 'error-title-expired',
  CONFLICT: 'error-title-conflict',
  DUPLICATE: 'error-title-duplicate',
};

/**
 * The catalogue id of an error's title, shared by both bots: the core's messages are English, so a
 * reader of another language sees a translated title above them.
 */
export const errorTitle = (code: ErrorCode): string => TITLES[code] ?? 'error-title-other';
