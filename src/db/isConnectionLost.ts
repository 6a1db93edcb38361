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
