import { z } from 'zod';
import { CONTRIBUTOR_BOARDS } from '../../src/contributions/getContributorLeaderboard.ts';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const getContributorLeaderboard = defineTool({
  name: 'get_contributor_leaderboard',
  title: "A datanet's contributor leaderboard",
  description:
    "Contributors of a datanet ranked by earnings from paid calls (by: 'earnings') or by approved items (by: 'approved'), one page at a time.",
  input: {
    datanetId: idInput('Datanet'),
    by: z.enum(CONTRIBUTOR_BOARDS).default('earnings'),
    page: z.number().int().min(0).max(10_000).default(0).describe('0 is the top'),
    pageSize: z.number().int().min(1).max(25).default(10),
  },
  output: {
    datanetId: z.string(),
    datanetName: z.string(),
    by: z.enum(CONTRIBUTOR_BOARDS),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe('contributors on this board'),
    hasMore: z.boolean(),
    entries: z.array(
      z.object({
        rank: z.number().int(),
        accountId: z.string(),
        displayName: z.string(),
        earned: amountOut.describe("contributor shares of this datanet's paid calls"),
        approved: z.number().int().describe('approved items in this datanet'),
      }),
    ),
  },
  annotations: READ_ONLY,
  run: (args, { app }) => app.contributions.leaderboard(args),
  render: ({ entries, datanetName, by, hasMore }) =>
    entries.length === 0
      ? `Nobody on ${datanetName}'s ${by} board yet.`
      : [
          ...entries.map(
            (e) =>
              `${e.rank}. ${e.displayName || `account #${e.accountId}`}: ${tokens(e.earned)}, ${e.approved} approved`,
          ),
          ...(hasMore ? ['More on the next page.'] : []),
        ].join('\n'),
});
