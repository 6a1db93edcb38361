import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { contributionOut } from '../wireSchemas.ts';

export const getContribution = defineTool({
  name: 'get_contribution',
  title: 'Get a contribution',
  description: 'One contribution: its text, automatic check results, near-duplicate flag and review status.',
  input: { contributionId: idInput('Contribution') },
  output: { contribution: contributionOut },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ contribution: await app.contributions.get(args) }),
  render: ({ contribution: c }) =>
    `Contribution #${c.id} in datanet #${c.datanetId}: ${c.status}, ${c.chars} chars, ${c.language}, score ${Math.round(c.checkScore)}/100` +
    `${c.nearDuplicateOf ? `, near-duplicate of #${c.nearDuplicateOf}` : ''}\n${c.content}`,
});
