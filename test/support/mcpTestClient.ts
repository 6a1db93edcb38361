import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** Test helpers around the SDK's real Client: nothing of ours is mocked. */
export async function connectHttp(url: string, apiKey: string): Promise<Client> {
  const client = new Client({ name: 'potluck-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${apiKey}` } },
    }),
  );
  return client;
}

/** Calls a tool that must succeed and returns its structured result. */
// biome-ignore lint/suspicious/noExplicitAny: tests read results freely; expect() checks them
export async function callOk<T = any>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (r.isError) throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
  return r.structuredContent as T;
}

/** Calls a tool that must fail and returns its error: `{ code, message }`, or the SDK's text. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ code?: string; message: string; text: string }> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (!r.isError) throw new Error(`${name} should have failed: ${JSON.stringify(r.structuredContent)}`);
  const text = r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  try {
    return { ...JSON.parse(text), text };
  } catch {
    return { message: text, text };
  }
}
