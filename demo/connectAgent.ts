import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export interface McpAgent {
  /** Calls a tool and returns its structured result; an error result throws with its text. */
  call<T>(name: string, args?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** An MCP client as any agent would run it: the SDK's Client over Streamable HTTP with a bearer API key. */
export async function connectAgent(url: string, apiKey: string): Promise<McpAgent> {
  const client = new Client({ name: 'hoopoe', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${apiKey}` } },
    }),
  );
  return {
    async call<T>(name: string, args: Record<string, unknown> = {}) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      if (result.isError) {
        const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
        throw new Error(`MCP tool ${name} failed: ${text}`);
      }
      return result.structuredContent as T;
    },
    close: () => client.close(),
  };
}
