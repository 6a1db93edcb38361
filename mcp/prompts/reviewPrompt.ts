import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ToolContext } from '../defineTool.ts';
import { orMcpError } from '../mapError.ts';
import { toWire } from '../toWire.ts';

/** "Review a contribution": the text, its datanet's rules and any near-duplicate, then `vote`. */
export function registerReviewPrompt(server: McpServer, { app }: ToolContext): void {
  server.registerPrompt(
    'review_contribution',
    {
      title: 'Review a contribution',
      description: 'Judge a pending contribution against its datanet and vote with the vote tool.',
      argsSchema: {
        contributionId: z
          .string()
          .regex(/^\d{1,19}$/)
          .describe('contribution id'),
      },
    },
    (args) =>
      orMcpError(app.deps.log, 'prompts/get review_contribution', async () => {
        const c = await app.contributions.get({ contributionId: args.contributionId });
        const d = await app.datanets.get({ datanet: c.datanetId });
        const original = c.nearDuplicateOf
          ? await app.contributions.get({ contributionId: c.nearDuplicateOf })
          : null;
        const text = [
          `Review contribution #${c.id} to the datanet "${d.name}" (${d.description || 'no description'}).`,
          `Expected languages: ${d.languages.length ? d.languages.join(', ') : 'any'}. Detected: ${c.language}.`,
          `Automatic check score ${Math.round(c.checkScore)}/100${c.checkProblems.length ? `; problems: ${c.checkProblems.join(', ')}` : ''}.`,
          original
            ? `It is ${Math.round((c.nearDuplicateSimilarity ?? 0) * 100)}% similar to contribution #${original.id} (attached): reject it if it adds nothing new.`
            : null,
          '',
          'Approve only if it fits the datanet, is in an expected language, is coherent, original and free of personal data or spam.',
          `Then call the vote tool with contributionId "${c.id}", approve true or false, and a one-sentence reason. Votes are final and weighted by your stake.`,
        ]
          .filter((line) => line !== null)
          .join('\n');
        const messages: GetPromptResult['messages'] = [
          { role: 'user', content: { type: 'text', text } },
          { role: 'user', content: embedded(`potluck://contributions/${c.id}`, c) },
        ];
        if (original) {
          messages.push({
            role: 'user',
            content: embedded(`potluck://contributions/${original.id}`, original),
          });
        }
        return { messages };
      }),
  );
}

const embedded = (uri: string, value: unknown) => ({
  type: 'resource' as const,
  resource: { uri, mimeType: 'application/json', text: JSON.stringify(toWire(value)) },
});
