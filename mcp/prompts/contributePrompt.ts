import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { formatTokens } from '../../src/shared/amount.ts';
import type { ToolContext } from '../defineTool.ts';
import { orMcpError } from '../mapError.ts';
import { toWire } from '../toWire.ts';

/** "Contribute to a datanet": the datanet's rules, then how to call `contribute` well. */
export function registerContributePrompt(server: McpServer, { app }: ToolContext): void {
  server.registerPrompt(
    'contribute_to_datanet',
    {
      title: 'Contribute to a datanet',
      description: 'Prepare original text items for a datanet and submit them with the contribute tool.',
      argsSchema: {
        datanet: completable(z.string().describe('datanet id or name'), async (value) =>
          (await app.datanets.list({ search: value, limit: 10 })).map((d) => d.name),
        ),
        about: z.string().optional().describe('what you want to contribute, in your words'),
      },
    },
    (args) =>
      orMcpError(app.deps.log, 'prompts/get contribute_to_datanet', async () => {
        const d = await app.datanets.get({ datanet: args.datanet });
        const text = [
          `Help me contribute to the Potluck datanet "${d.name}" (id ${d.id}).`,
          d.description ? `It collects: ${d.description}` : null,
          args.about ? `What I want to contribute: ${args.about}` : null,
          '',
          'Rules to respect before submitting:',
          `- Languages: ${d.languages.length ? d.languages.join(', ') : 'any'}.`,
          `- Each accepted item locks a deposit of ${formatTokens(d.deposit)} tokens until validators decide; it comes back if approved and goes to the validators if rejected.`,
          `- At most ${d.dailyItems} items and ${d.dailyBytes} bytes per day. Exact duplicates are refused; near-duplicates are flagged to validators.`,
          '- Only original text that I have the right to share; no personal data.',
          '',
          `Draft the items, show them to me, and after I confirm call the contribute tool once with datanetId "${d.id}", the items, and a new idempotencyKey. Then tell me which items were accepted or refused and why.`,
        ]
          .filter((line) => line !== null)
          .join('\n');
        return {
          messages: [
            { role: 'user' as const, content: { type: 'text' as const, text } },
            {
              role: 'user' as const,
              content: {
                type: 'resource' as const,
                resource: {
                  uri: `potluck://datanets/${d.id}`,
                  mimeType: 'application/json',
                  text: JSON.stringify(toWire(d)),
                },
              },
            },
          ],
        };
      }),
  );
}
