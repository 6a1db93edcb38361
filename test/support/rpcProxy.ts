import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmbeddedChain } from '../../src/chain/startEmbeddedChain.ts';

/**
 * Serves an embedded chain over JSON-RPC on HTTP, so the CHAIN_RPC_URL path (viem's http transport,
 * `potluck deploy`) runs against a real protocol without a node installed.
 */
export async function serveRpc(chain: EmbeddedChain): Promise<{ url: string; close(): Promise<void> }> {
  // The custom transport's request is the provider's own EIP-1193 request: errors keep code and data.
  const request = (chain.publicClient.transport as unknown as { request: (a: unknown) => Promise<unknown> })
    .request;
  const answer = async (call: { id: unknown; method: string; params?: unknown[] }) => {
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
    for await (const chunk of req) body += chunk;
    const parsed = JSON.parse(body);
    const reply = Array.isArray(parsed) ? await Promise.all(parsed.map(answer)) : await answer(parsed);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
