import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeHandler } from '../../mcp/http/createMcpHttpHandler.ts';
import type { App } from '../app.ts';
import { acceptRequestId, withRequestContext } from '../shared/requestContext.ts';
import { checkReadiness } from './checkReadiness.ts';
import { createWalletPageHandler } from './walletPage/createWalletPageHandler.ts';

/** Routes a surface mounts here (typed structurally: the core does not import the bots). */
export interface ExtraRoutes {
  /** Telegram's webhook POSTs (bots/telegram checks the secret header and handles the update). */
  telegramWebhook?: {
    path: string;
    handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  };
}

export interface HttpServer {
  url: string;
  /** Requests being answered now. */
  inFlight(): number;
  /**
   * Graceful: stops accepting connections, lets requests in flight finish (up to `deadlineMs`,
   * SHUTDOWN_DEADLINE_SECONDS by default), then closes what is left.
   */
  close(deadlineMs?: number): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * The service's HTTP face: MCP Streamable HTTP at /mcp, the Telegram webhook, Prometheus /metrics,
 * the wallet pages (/wallet/link, /wallet/claim) and public receipts (/receipts/<id>), and health
 * for supervisors and load balancers (/health/live, /health/ready, and /health).
 */
export async function startHttpServer(
  app: App,
  options: { host: string; port: number },
  routes: ExtraRoutes = {},
): Promise<HttpServer> {
  // MCP Streamable HTTP (stateless, bearer API key): the same endpoint `potluck mcp --http` serves.
  // Its SDK, schemas and tools (~400 modules) load on the first /mcp request, not before "ready".
  let mcp: Promise<NodeHandler> | undefined;
  const mcpHandler = () => {
    if (!mcp) {
      mcp = import('../../mcp/http/createMcpHttpHandler.ts').then((m) => m.createMcpHttpHandler(app));
      // A failed load is tried again by the next request rather than kept.
      mcp.catch(() => {
        mcp = undefined;
      });
    }
    return mcp;
  };
  const walletPage = createWalletPageHandler(app);
  const log = app.deps.log.child({ surface: 'http' });
  let draining = false;
  let inFlight = 0;
  let settled: (() => void) | undefined;
  // Every request gets an id (the caller's x-request-id when it sent a plain one), echoed back and
  // carried by every log line written for it, in use cases and in the jobs it enqueues.
  const server = http.createServer((req, res) => {
    const requestId = acceptRequestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    // While draining, a kept-alive connection is not reused for the next request.
    if (draining) res.setHeader('connection', 'close');
    inFlight += 1;
    const started = performance.now();
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) settled?.();
      log.debug('http request', {
        requestId,
        method: req.method,
        path: req.url?.split('?')[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    return withRequestContext({ requestId }, () => route(req, res));
  });
  const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = req.url?.split('?')[0];
    if (req.method === 'GET' && path === '/health/live') return json(res, 200, { status: 'live' });
    if (req.method === 'GET' && path === '/health/ready') {
      const { ready, checks } = await checkReadiness(app, draining);
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
    }
    // Work that arrives on a kept-alive connection after the drain began goes elsewhere.
    if (draining) {
      res.setHeader('Retry-After', '1');
      return json(res, 503, { error: 'shutting down' });
    }
    const hook = routes.telegramWebhook;
    if (hook && req.method === 'POST' && path === hook.path) return hook.handle(req, res);
    if (path === '/mcp') {
      const handler = await mcpHandler().catch((error) => log.error('MCP endpoint did not load', { error }));
      return handler ? handler(req, res) : json(res, 500, { error: 'MCP endpoint unavailable' });
    }
    if (path && walletPage.matches(path)) return walletPage.handle(req, res, path);
    if (req.method === 'GET' && path === '/metrics') {
      const registry = app.metrics.registry;
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      return;
    }
    // The original probe (README, supervisors): the database answers.
    if (req.method === 'GET' && path === '/health') {
      try {
        await app.database.sql`select 1`;
        json(res, 200, { status: 'ok', database: app.database.kind });
      } catch {
        json(res, 503, { status: 'unavailable' });
      }
      return;
    }
    json(res, 404, { error: 'not found' });
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    inFlight: () => inFlight,
    close(deadlineMs = app.config.operations.shutdownDeadlineMs) {
      closing ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          let timer: NodeJS.Timeout | undefined;
          const deadline = new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), deadlineMs);
          });
          const finished = await Promise.race([
            new Promise<boolean>((resolve) => {
              settled = () => resolve(true);
            }),
            deadline,
          ]);
          clearTimeout(timer);
          if (!finished) log.warn('shutdown deadline passed: closing requests still in flight', { inFlight });
        }
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
