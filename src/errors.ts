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

/**
 * Whether a database call failed because its connection went away (the server restarted, an
 * operator ran pg_terminate_backend, the network dropped) rather than because of the query. Such
 * a call may be retried as is: the pool opens a new connection for the next one.
 */
export function isConnectionLost(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now).
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  return LOST_CONNECTION_CODES.has(code);
}

// postgres.js's own codes for a connection it lost or could not open, and the socket errors under them.
const LOST_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
