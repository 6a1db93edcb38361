import { z } from 'zod';

/** Output shapes as they travel: amounts are decimal strings of base units, dates ISO strings. */
export const amountOut = z
  .string()
  .regex(/^-?\d+$/)
  .describe('base units (18 decimals) as a decimal string');
export const dateOut = z.string().describe('ISO 8601 timestamp');

export const datanetOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  contentType: z.string(),
  languages: z.array(z.string()).describe('ISO 639-1 codes; empty accepts any language'),
  ownerAccountId: z.string(),
  deposit: amountOut.describe('deposit locked per contribution until it is decided'),
  minStake: amountOut.describe('stake needed to vote'),
  quorumVotes: z.number().int(),
  approvalBps: z.number().int().describe('share of stake weight (basis points) that decides'),
  dailyItems: z.number().int(),
  dailyBytes: z.number().int(),
  validationReward: amountOut.describe('paid to the winning validators per decision while the pool lasts'),
  reviewWindowSeconds: z.number().int().describe('how long a contribution stays open for votes'),
  expiryDecides: z
    .boolean()
    .describe('at the window close: decided on the votes present (true) or returned with its deposit'),
  lossBps: z.number().int().describe('part of the stake a losing-side vote forfeits (basis points)'),
  poolCutBps: z
    .number()
    .int()
    .describe("part of the protocol cut of paid calls that refills this datanet's pool"),
  goldMinAccuracyBps: z.number().int().describe('gold accuracy below which a validator earns nothing'),
  goldMinAnswers: z.number().int(),
  poolBalance: amountOut,
  counts: z.object({
    pending: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    withdrawn: z.number().int(),
    contributors: z.number().int(),
    bytes: z.number().int(),
  }),
  createdAt: dateOut,
});
export type DatanetWire = z.infer<typeof datanetOut>;

export const contributionStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn', 'expired']);

export const contributionOut = z.object({
  id: z.string(),
  datanetId: z.string(),
  contributorAccountId: z.string(),
  content: z.string(),
  contentHash: z.string().describe('sha256 of the normalised text'),
  bytes: z.number().int(),
  chars: z.number().int(),
  language: z.string(),
  checkScore: z.number().describe('automatic checks, 0 to 100: a hint for validators, never a decision'),
  checkProblems: z.array(z.string()),
  nearDuplicateOf: z.string().nullable(),
  nearDuplicateSimilarity: z.number().nullable(),
  source: z.string(),
  deposit: amountOut,
  status: contributionStatus,
  createdAt: dateOut,
  decidedAt: dateOut.nullable(),
});

export const submitResultOut = {
  datanetId: z.string(),
  accepted: z.array(
    z.object({
      index: z.number().int(),
      contributionId: z.string(),
      contentHash: z.string(),
      language: z.string(),
      checkScore: z.number(),
      problems: z.array(z.string()),
      nearDuplicateOf: z.string().nullable(),
      nearDuplicateSimilarity: z.number().nullable(),
    }),
  ),
  refused: z.array(
    z.object({
      index: z.number().int(),
      code: z.string(),
      message: z.string(),
      duplicateOf: z.string().optional(),
    }),
  ),
  depositTotal: amountOut,
  replayed: z.boolean().describe('true when this idempotency key was already used: nothing new was done'),
};

export const outcomeOut = z.object({
  contributionId: z.string(),
  approved: z.boolean(),
  approveWeight: amountOut,
  rejectWeight: amountOut,
  votes: z.number().int(),
  rewardPaid: amountOut,
  penalties: amountOut.describe('stake the losing side forfeited, shared by the winners'),
  votesCommitment: z.string().describe('sha256 over the sealed votes the decision was made from'),
  expired: z.boolean().describe('decided at the review window close on the votes present'),
  payouts: z.array(z.object({ accountId: z.string(), amount: amountOut })),
  forfeits: z
    .array(z.object({ accountId: z.string(), amount: amountOut }))
    .describe('stake each losing validator forfeited'),
});
