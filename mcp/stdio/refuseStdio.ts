import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { isJSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';

/**
 * When `potluck mcp` cannot serve (the data folder is the running service's), a client that
 * started it would otherwise see only "Connection closed". This answers the client's first request
 * (initialize) with a JSON-RPC error carrying the reason, so the client shows it, then returns.
 */
export async function refuseStdio(reason: { code: string; message: string }): Promise<void> {
  const transport = new StdioServerTransport();
  await new Promise<void>((resolve) => {
    transport.onmessage = (message) => {
      if (!isJSONRPCRequest(message)) return;
      transport
        .send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32000, message: reason.message, data: reason },
        })
        .then(resolve, resolve);
    };
    transport.onclose = resolve;
    process.stdin.once('end', resolve);
    void transport.start();
  });
  await transport.close();
}
