import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { App } from '../../src/app.ts';
import type { McpConfig } from '../../src/config.ts';
import { isAppError, toAppError } from '../../src/errors.ts';
import { createRateLimiter } from '../../src/shared/createRateLimiter.ts';
import { createMcpServer } from '../createMcpServer.ts';
import { checkHostAndOrigin } from './checkHostAndOrigin.ts';
import { BodyError, readJsonBody } from './readJsonBody.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const REALM = 'Bearer realm="potluck"';

/**
 * MCP over Streamable HTTP, stateless: every POST carries its bearer API key and gets a fresh
 * server bound to that key's account, so any instance behind a load balancer can answer it.
 * Checks run cheapest first: host and origin, method, key, rate, body size, then the rate again
 * for the rest of a JSON-RPC batch: every message counts, so a batch is no way around the limit.
 * The limit is per account (every key of an account shares it); paid calls have their own, in
 * the use case (PAID_CALLS_PER_MINUTE), whatever the surface.
 */
export function createMcpHttpHandler(app: App, config: McpConfig = app.config.mcp): NodeHandler {
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const log = app.deps.log;
  return async (req, res) => {
    try {
      const refused = checkHostAndOrigin(req.headers, config);
      if (refused) return reply(res, 403, -32000, refused);
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return reply(res, 405, -32000, 'This endpoint is stateless: send JSON-RPC messages with POST.');
      }
      // Failed keys count against the caller's address, so guessing gets throttled; a valid key is
      // never refused for others' failures (many clients may share an address behind a proxy).
      const address = `ip:${req.socket.remoteAddress ?? 'unknown'}`;
      const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!key) {
        return refuseKey(
          res,
          limiter.take(address),
          REALM,
          'Send your API key as "Authorization: Bearer <key>".',
        );
      }
      let auth: { accountId: string; keyId: string };
      try {
        auth = await app.accounts.authenticateApiKey(key);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
        const challenge = `${REALM}, error="invalid_token", error_description="invalid or revoked API key"`;
        return refuseKey(res, limiter.take(address), challenge, error.message);
      }
      const bucket = `account:${auth.accountId}`;
      const room = limiter.peek(bucket);
      if (!room.ok) return tooMany(res, room);

      const body = await readJsonBody(req, config.maxRequestBytes);
      const messages = Array.isArray(body) ? body.length : 1;
      if (messages > limiter.perMinute) {
        return reply(
          res,
          429,
          -32000,
          `A batch of ${messages} messages is more than the ${limiter.perMinute} allowed per minute (MCP_RATE_LIMIT_PER_MINUTE); send fewer at a time.`,
        );
      }
      // All of a batch or none of it: a refused batch leaves the bucket as it was.
      const taken = limiter.take(bucket, messages);
      if (!taken.ok) return tooMany(res, taken);
      const server = createMcpServer(app, auth);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    } catch (error) {
      if (error instanceof BodyError) {
        res.setHeader('Connection', 'close');
        return reply(res, error.status, error.status === 400 ? -32700 : -32000, error.message);
      }
      // A lost database connection (say, during the key lookup) is worth a retry, not a 500.
      const unavailable = toAppError(error);
      if (unavailable?.code === 'UNAVAILABLE' && !res.headersSent) {
        log.warn('mcp http request lost its database connection', { error });
        res.setHeader('Retry-After', '1');
        return reply(res, 503, -32000, unavailable.message);
      }
      log.error('mcp http request failed', { error });
      if (!res.headersSent) reply(res, 500, -32603, 'Internal server error.');
      else res.end();
    }
  };
}

function reply(res: ServerResponse, status: number, code: number, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** 401 with the bearer challenge, or 429 once this address has failed too often. */
function refuseKey(res: ServerResponse, taken: Taken, challenge: string, message: string): void {
  if (!taken.ok) {
    tooMany(res, taken);
    return;
  }
  res.setHeader('WWW-Authenticate', challenge);
  reply(res, 401, -32001, message);
}

function tooMany(res: ServerResponse, taken: Taken): void {
  res.setHeader('Retry-After', String(taken.ok ? 1 : taken.retryAfterSeconds));
  reply(res, 429, -32000, 'Too many requests; slow down (MCP_RATE_LIMIT_PER_MINUTE).');
}
