import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { tokens } from '../tokens.ts';
import { datanetOut } from '../wireSchemas.ts';

export const listDatanets = defineTool({
  name: 'list_datanets',
  title: 'List datanets',
  description:
    'Lists datanets (topic data pools) with their rules and live counts. Use search for a name prefix; page with limit and offset.',
  input: {
    search: z.string().max(64).optional().describe('case-insensitive name prefix'),
    limit: z.number().int().min(1).max(100).default(25),
    offset: z.number().int().min(0).default(0),
  },
  output: { datanets: z.array(datanetOut) },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ datanets: await app.datanets.list(args) }),
  render: ({ datanets }) =>
    datanets.length === 0
      ? 'No datanets found.'
      : datanets
          .map(
            (d) =>
              `#${d.id} ${d.name}: ${d.counts.approved} approved, ${d.counts.pending} pending; deposit ${tokens(d.deposit)}`,
          )
          .join('\n'),
});
