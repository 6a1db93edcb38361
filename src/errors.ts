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

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_INPUT', message, details);
export const notFound = (what: string, id: string | number) =>
  new AppError('NOT_FOUND', `${what} ${id} was not found.`, { what, id });
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new AppError('FORBIDDEN', message, details);
export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_STATE', message, details);
