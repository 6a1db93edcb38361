import { ZodError } from 'zod';
import { isAppError } from '../errors.ts';

/**
 * Whether retrying cannot help: bad payloads and domain refusals (not found, invalid state, bad
 * input) fail the same way every time. Outages, bugs and chain errors may pass, so they are retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof ZodError) return true;
  if (!isAppError(error)) return false;
  return !['UNAVAILABLE', 'INTERNAL', 'CHAIN_ERROR', 'RATE_LIMITED'].includes(error.code);
}
