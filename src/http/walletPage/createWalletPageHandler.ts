import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readJsonBody } from '../../../mcp/http/readJsonBody.ts';
import type { App } from '../../app.ts';
import { type ErrorCode, toAppError } from '../../errors.ts';
import { createRateLimiter } from '../../shared/createRateLimiter.ts';
import { bundleWalletClient } from './bundleWalletClient.ts';
import { SECURITY_HEADERS, STYLE } from './html.ts';
import { renderReceiptPage } from './renderReceiptPage.ts';
import { renderWalletPage } from './renderWalletPage.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  INSUFFICIENT_FUNDS: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_STATE: 409,
  EXPIRED: 410,
  TOO_LARGE: 413,
  QUOTA_EXCEEDED: 429,
  RATE_LIMITED: 429,
  CHAIN_ERROR: 502,
  UNAVAILABLE: 503,
};
const MAX_BODY = 16 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/**
 * /wallet/link, /wallet/claim (page shells and their JSON API under /wallet/api) and the public
 * /receipts/<id> pages. Thin: every decision is a use case in src/walletPage. Rate-limited per
 * client address at MCP_RATE_LIMIT_PER_MINUTE, like the MCP endpoint.
 */
export function createWalletPageHandler(app: App): { matches(path: string): boolean; handle: Handler } {
  const limiter = createRateLimiter(app.config.mcp.rateLimitPerMinute);
  const log = app.deps.log.child({ surface: 'walletPage' });
  // The page script is bundled on the first page request (about a second of esbuild), not at start:
  // most starts never serve the page, and bundling while booting delayed "ready" and grew memory.
  const chainId = app.deps.chain?.chainId ?? app.config.chain.chainId;

  const api: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    session: (b) => app.walletPage.session(b as never),
    'link/start': (b) => app.walletPage.startLink(b as never),
    'link/finish': (b) => app.walletPage.finishLink(b as never),
    'claim/prepare': (b) => app.walletPage.prepareClaim(b as never),
    'claim/sent': (b) => app.walletPage.recordClaim(b as never),
  };

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const taken = limiter.take(`ip:${req.socket.remoteAddress ?? 'unknown'}`);
    if (!taken.ok) {
      res.setHeader('Retry-After', String(taken.retryAfterSeconds));
      return send(res, 429, 'text/plain', 'Too many requests; slow down.');
    }
    try {
      if (req.method === 'GET' && (path === '/wallet/link' || path === '/wallet/claim')) {
        const { version } = await bundleWalletClient();
        const purpose = path === '/wallet/link' ? 'link' : 'claim';
        res.setHeader('cache-control', 'no-store');
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          renderWalletPage(purpose, `/wallet/page.${version}.js`, chainId),
        );
      }
      if (req.method === 'GET' && /^\/wallet\/page\.[0-9a-f]{16}\.js$/.test(path)) {
        const { code, version } = await bundleWalletClient();
        if (path !== `/wallet/page.${version}.js`) return send(res, 404, 'text/plain', 'Not found.');
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        return send(res, 200, 'text/javascript; charset=utf-8', code);
      }
      if (req.method === 'GET' && path === '/wallet/page.css') {
        res.setHeader('cache-control', 'public, max-age=3600');
        return send(res, 200, 'text/css; charset=utf-8', STYLE);
      }
      const receipt = /^\/receipts\/(\d{1,19})$/.exec(path);
      if (req.method === 'GET' && receipt) {
        const view = await app.walletPage.publicReceipt({ receiptId: receipt[1] });
        res.setHeader('cache-control', 'no-cache');
        return send(res, 200, 'text/html; charset=utf-8', renderReceiptPage(view));
      }
      const action = path.startsWith('/wallet/api/') ? api[path.slice('/wallet/api/'.length)] : undefined;
      if (!action) return send(res, 404, 'text/plain', 'Not found.');
      res.setHeader('cache-control', 'no-store');
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return json(res, 405, { error: { code: 'BAD_INPUT', message: 'Use POST.' } });
      }
      // JSON only: a cross-site form cannot send it without a CORS preflight this server never answers.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return json(res, 415, {
          error: { code: 'BAD_INPUT', message: 'Send JSON (content-type: application/json).' },
        });
      }
      const body = await readJsonBody(req, MAX_BODY);
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return json(res, 400, { error: { code: 'BAD_INPUT', message: 'Send a JSON object.' } });
      }
      return json(res, 200, await action(body as Record<string, unknown>));
    } catch (error) {
      if (error instanceof BodyError)
        return json(res, error.status, { error: { code: 'BAD_INPUT', message: error.message } });
      const known = toAppError(error);
      if (known) {
        const status = STATUS[known.code] ?? 500;
        if (path.startsWith('/receipts/'))
          return send(res, status, 'text/plain; charset=utf-8', known.message);
        return json(res, status, {
          error: { code: known.code, message: known.message, details: known.details },
        });
      }
      log.error('wallet page request failed', { error, path });
      if (!res.headersSent)
        json(res, 500, { error: { code: 'INTERNAL', message: 'Internal server error.' } });
    }
  }

  return {
    matches: (path) => path.startsWith('/wallet/') || path.startsWith('/receipts/'),
    handle,
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(
    res,
    status,
    'application/json',
    JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  );
}
