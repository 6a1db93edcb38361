import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../defineTool.ts';
import { orMcpError } from '../mapError.ts';
import { jsonResource, oneValue } from './jsonResource.ts';

/**
 * `potluck://models/{id}` and `potluck://training-runs/{id}` (public, listed: the first 100
 * models, the 50 newest runs) and `potluck://receipts/{id}` (public view, plus the prompt and
 * answer for the caller who paid). Receipts are not listed: the core has no list of receipts.
 */
export function registerModelResources(server: McpServer, { app, auth }: ToolContext): void {
  const log = app.deps.log;
  server.registerResource(
    'model',
    new ResourceTemplate('potluck://models/{id}', {
      list: () =>
        orMcpError(log, 'resources/list models', async () => ({
          resources: (await app.models.list({ limit: 100 })).map((m) => ({
            uri: `potluck://models/${m.id}`,
            name: m.name,
            description: m.description || undefined,
            mimeType: 'application/json',
          })),
        })),
    }),
    {
      title: 'Model',
      description: 'A published model: price, split, usage, payouts',
      mimeType: 'application/json',
    },
    (uri, vars) =>
      orMcpError(log, uri.href, async () =>
        jsonResource(uri, await app.models.get({ model: oneValue(vars.id) })),
      ),
  );
  server.registerResource(
    'training-run',
    new ResourceTemplate('potluck://training-runs/{id}', {
      list: () =>
        orMcpError(log, 'resources/list training runs', async () => ({
          resources: (await app.training.list({ limit: 50 })).map((r) => ({
            uri: `potluck://training-runs/${r.id}`,
            name: `Training run #${r.id} (${r.status})`,
            mimeType: 'application/json',
          })),
        })),
    }),
    {
      title: 'Training run',
      description: 'Status, progress, snapshot root, artifact',
      mimeType: 'application/json',
    },
    (uri, vars) =>
      orMcpError(log, uri.href, async () =>
        jsonResource(uri, await app.training.get({ runId: oneValue(vars.id) })),
      ),
  );
  server.registerResource(
    'receipt',
    new ResourceTemplate('potluck://receipts/{id}', { list: undefined }),
    {
      title: 'Receipt',
      description: 'A paid call: fee, split, attribution, payouts, anchor',
      mimeType: 'application/json',
    },
    (uri, vars) =>
      orMcpError(log, uri.href, async () =>
        jsonResource(
          uri,
          await app.inference.getReceipt({
            receiptId: oneValue(vars.id),
            viewerAccountId: auth.accountId ?? undefined,
          }),
        ),
      ),
  );
}
