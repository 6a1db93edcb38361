import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../defineTool.ts';
import { orMcpError } from '../mapError.ts';
import { jsonResource, oneValue } from './jsonResource.ts';

/** `potluck://datanets/{id}`: public, listed (the first 100) so a client can browse them. */
export function registerDatanetResource(server: McpServer, { app }: ToolContext): void {
  const log = app.deps.log;
  const template = new ResourceTemplate('potluck://datanets/{id}', {
    list: () =>
      orMcpError(log, 'resources/list datanets', async () => ({
        resources: (await app.datanets.list({ limit: 100 })).map((d) => ({
          uri: `potluck://datanets/${d.id}`,
          name: d.name,
          description: d.description || undefined,
          mimeType: 'application/json',
        })),
      })),
  });
  server.registerResource(
    'datanet',
    template,
    {
      title: 'Datanet',
      description: 'A datanet: rules, reward pool and live counts',
      mimeType: 'application/json',
    },
    (uri, vars) =>
      orMcpError(log, uri.href, async () =>
        jsonResource(uri, await app.datanets.get({ datanet: oneValue(vars.id) })),
      ),
  );
}
