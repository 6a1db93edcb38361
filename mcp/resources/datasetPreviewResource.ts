import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../defineTool.ts';
import { orMcpError } from '../mapError.ts';
import { jsonResource, oneValue } from './jsonResource.ts';

/**
 * `potluck://datanets/{id}/preview`: the preview_dataset result with its defaults (five sampled
 * items), for clients that attach resources as context rather than call tools. Not listed: the
 * datanet resources already list every datanet.
 */
export function registerDatasetPreviewResource(server: McpServer, { app }: ToolContext): void {
  const log = app.deps.log;
  server.registerResource(
    'dataset-preview',
    new ResourceTemplate('potluck://datanets/{id}/preview', { list: undefined }),
    {
      title: 'Dataset preview',
      description: "A datanet's approved data: size, languages, check scores and a sample of items",
      mimeType: 'application/json',
    },
    (uri, vars) =>
      orMcpError(log, uri.href, async () =>
        jsonResource(uri, await app.contributions.preview({ datanetId: oneValue(vars.id) })),
      ),
  );
}
