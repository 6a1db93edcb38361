import { z } from 'zod';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut, contributionStatus, outcomeOut } from '../wireSchemas.ts';

export const vote = defineTool({
  name: 'vote',
  title: 'Vote on a contribution',
  description:
    'Approves or rejects a pending contribution as a validator of its datanet (stake first). One vote per contribution, weighted by stake, final once cast; never on your own. Repeating the same vote changes nothing.',
  input: {
    contributionId: idInput('Contribution'),
    approve: z.boolean().describe('true to approve, false to reject'),
    reason: z.string().max(500).optional().describe('shown to the contributor and other validators'),
    idempotencyKey: idempotencyKeyInput.optional(),
  },
  output: {
    contributionId: z.string(),
    approve: z.boolean(),
    weight: amountOut.describe('your stake, the weight of this vote'),
    replayed: z.boolean(),
    status: contributionStatus,
    outcome: outcomeOut.nullable().describe('set when this vote decided the contribution'),
  },
  annotations: ADDITIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.validation.vote({ ...args, accountId: requireAccount(auth) }),
  render: (r) =>
    `${r.replayed ? 'Already voted' : 'Voted'} to ${r.approve ? 'approve' : 'reject'} #${r.contributionId} with weight ${tokens(r.weight)}; it is ${r.status}.` +
    (r.outcome ? ` Decided: ${r.outcome.votes} votes, ${tokens(r.outcome.rewardPaid)} reward paid.` : ''),
});
