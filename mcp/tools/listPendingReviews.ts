import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { contributionOut, dateOut } from '../wireSchemas.ts';

export const listPendingReviews = defineTool({
  name: 'list_pending_reviews',
  title: 'List contributions to review',
  description:
    'Pending contributions in a datanet that you may still vote on (not your own, not already voted), oldest first, with any near-duplicate original to compare and when the review window closes. Votes stay sealed until the outcome: no tally is shown.',
  input: {
    datanetId: idInput('Datanet'),
    limit: z.number().int().min(1).max(100).default(10),
  },
  output: {
    reviews: z.array(
      z.object({
        contribution: contributionOut,
        closesAt: dateOut,
        nearDuplicate: z
          .object({ contributionId: z.string(), similarity: z.number(), content: z.string() })
          .nullable(),
      }),
    ),
  },
  annotations: READ_ONLY,
  run: async (args, { app, auth }) => ({
    reviews: (await app.validation.reviewQueue({ ...args, accountId: requireAccount(auth) })).map((r) => ({
      ...r,
      contribution: r.contribution,
    })),
  }),
  render: ({ reviews }) =>
    reviews.length === 0
      ? 'Nothing left for you to review here.'
      : reviews
          .map(
            (r) =>
              `#${r.contribution.id} (score ${Math.round(r.contribution.checkScore)}/100` +
              `${r.nearDuplicate ? `, ${Math.round(r.nearDuplicate.similarity * 100)}% like #${r.nearDuplicate.contributionId}` : ''}): ` +
              r.contribution.content.slice(0, 200),
          )
          .join('\n'),
});
