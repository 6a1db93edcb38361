import { isConnectionLost } from './db/isConnectionLost.ts';

/**
 * One error type for everything a user can be told about. `code` is stable: surfaces map it to
 * their output (ephemeral Discord message, Telegram reply, MCP `isError` result, exit code) in one
 * place each, and clients may branch on it. `message` is short and says what to do.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'BAD_CONFIG'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INSUFFICIENT_FUNDS'
  | 'QUOTA_EXCEEDED'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'EXPIRED'
  | 'INVALID_STATE'
  | 'CHAIN_ERROR'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable details safe to show a user (ids, limits), never secrets. */
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * What every surface's error mapping starts from: an AppError as it is; a call whose database
 * connection was lost as UNAVAILABLE (retryable: the pool reconnects for the next call); anything
 * else undefined (a bug: log it and show INTERNAL).
 */
export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (isConnectionLost(error)) {
    return new AppError(
      'UNAVAILABLE',
      'The database connection dropped while handling this request; try again in a moment.',
      { retryable: true },
      { cause: error },
    );
  }
  return undefined;
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_INPUT', message, details);
export const notFound = (what: string, id: string | number) =>
  new AppError('NOT_FOUND', `${what} ${id} was not found.`, { what, id });
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new AppError('FORBIDDEN', message, details);
export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_STATE', message, details);
