import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../defineTool.ts';
import { orMcpError } from '../mapError.ts';
import { jsonResource, oneValue } from './jsonResource.ts';

/**
 * `potluck://contributions/{id}`: contributions are public. The list is what the caller can
 * review (their queue in each datanet they stake on), the set an agent wants to browse; a guest
 * or a non-validator lists none but can still read any contribution by id.
 */
export function registerContributionResource(server: McpServer, { app, auth }: ToolContext): void {
  const log = app.deps.log;
  const template = new ResourceTemplate('potluck://contributions/{id}', {
    list: () =>
      orMcpError(log, 'resources/list contributions', async () => {
        const accountId = auth.accountId;
        if (!accountId) return { resources: [] };
        const { stakes } = await app.validation.status({ accountId });
        const queues = await Promise.all(
          stakes
            .filter((s) => s.staked > 0n)
            .map((s) => app.validation.reviewQueue({ accountId, datanetId: s.datanetId, limit: 25 })),
        );
        return {
          resources: queues.flat().map(({ contribution: c }) => ({
            uri: `potluck://contributions/${c.id}`,
            name: `Contribution #${c.id} (pending review)`,
            description: c.content.slice(0, 120),
            mimeType: 'application/json',
          })),
        };
      }),
  });
  server.registerResource(
    'contribution',
    template,
    {
      title: 'Contribution',
      description: 'A contribution: text, check results and review status',
      mimeType: 'application/json',
    },
    (uri, vars) =>
      orMcpError(log, uri.href, async () =>
        jsonResource(uri, await app.contributions.get({ contributionId: oneValue(vars.id) })),
      ),
  );
}
