import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMcpHttpHandler } from '../../mcp/http/createMcpHttpHandler.ts';
import type { App } from '../app.ts';
import { acceptRequestId, withRequestContext } from '../shared/requestContext.ts';

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
  close(): Promise<void>;
}

/**
 * The service's HTTP face. For now only `/health` (for supervisors and load balancers); the MCP
 * Streamable HTTP endpoint and bot webhooks mount here later.
 */
export async function startHttpServer(
  app: App,
  options: { host: string; port: number },
  routes: ExtraRoutes = {},
): Promise<HttpServer> {
  // MCP Streamable HTTP (stateless, bearer API key): the same endpoint `potluck mcp --http` serves.
  const mcp = createMcpHttpHandler(app);
  const log = app.deps.log.child({ surface: 'http' });
  // Every request gets an id (the caller's x-request-id when it sent a plain one), echoed back and
  // carried by every log line written for it, in use cases and in the jobs it enqueues.
  const server = http.createServer((req, res) => {
    const requestId = acceptRequestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    res.once('finish', () => {
      const path = req.url?.split('?')[0];
      log.debug('http request', {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    return withRequestContext({ requestId }, () => route(req, res));
  });
  const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const hook = routes.telegramWebhook;
    if (hook && req.method === 'POST' && req.url?.split('?')[0] === hook.path) return hook.handle(req, res);
    if (req.url === '/mcp' || req.url?.startsWith('/mcp?')) return mcp(req, res);
    if (req.method === 'GET' && req.url === '/metrics') {
      const registry = app.metrics.registry;
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      return;
    }
    if (req.method === 'GET' && req.url === '/health') {
      try {
        await app.database.sql`select 1`;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', database: app.database.kind }));
      } catch {
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'unavailable' }));
      }
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
