import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { tokens } from '../tokens.ts';
import { type DatanetWire, datanetOut } from '../wireSchemas.ts';

export const getDatanet = defineTool({
  name: 'get_datanet',
  title: 'Get a datanet',
  description: 'One datanet by id or by name (case-insensitive): its rules, reward pool and counts.',
  input: { datanet: z.string().min(1).max(64).describe('datanet id ("12") or name ("Persian Poetry")') },
  output: { datanet: datanetOut },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ datanet: await app.datanets.get({ datanet: args.datanet }) }),
  render: ({ datanet }) => describeDatanet(datanet),
});

export function describeDatanet(d: DatanetWire): string {
  return [
    `Datanet #${d.id} "${d.name}"${d.description ? `: ${d.description}` : ''}`,
    `languages ${d.languages.length ? d.languages.join(', ') : 'any'}; deposit ${tokens(d.deposit)} per item; ` +
      `validators stake ${tokens(d.minStake)}; quorum ${d.quorumVotes} votes at ${d.approvalBps / 100}%`,
    `pool ${tokens(d.poolBalance)}, reward ${tokens(d.validationReward)} per decision; ` +
      `${d.counts.approved} approved, ${d.counts.pending} pending, ${d.counts.rejected} rejected`,
  ].join('\n');
}
