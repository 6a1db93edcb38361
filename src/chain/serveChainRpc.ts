import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmbeddedChain } from './startEmbeddedChain.ts';

interface RpcCall {
  id: unknown;
  method: string;
  params?: unknown[];
}

/** Requests larger than this are refused (a deploy with every contract is far below it). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Serves an embedded chain over JSON-RPC on HTTP: `potluck chain` runs one for a whole cluster
 * (each process then points CHAIN_RPC_URL at it), and tests use it to exercise the real-chain path.
 */
export async function serveChainRpc(
  chain: EmbeddedChain,
  listen: { host?: string; port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  // The custom transport's request is the provider's own EIP-1193 request: errors keep code and data.
  const request = (chain.publicClient.transport as unknown as { request: (a: unknown) => Promise<unknown> })
    .request;
  const answer = async (call: RpcCall) => {
    try {
      return {
        jsonrpc: '2.0',
        id: call.id,
        result: await request({ method: call.method, params: call.params ?? [] }),
      };
    } catch (err) {
      const e = err as { code?: number; message?: string; data?: unknown };
      return {
        jsonrpc: '2.0',
        id: call.id,
        error: { code: e.code ?? -32603, message: e.message ?? String(err), data: e.data },
      };
    }
  };
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        return;
      }
    }
    let parsed: RpcCall | RpcCall[];
    try {
      parsed = JSON.parse(body);
    } catch {
      const error = { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(error));
      return;
    }
    const reply = Array.isArray(parsed) ? await Promise.all(parsed.map(answer)) : await answer(parsed);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  });
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
