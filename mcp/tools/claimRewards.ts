import { z } from 'zod';
import { defineTool } from '../defineTool.ts';
import { idempotencyKeyInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const claimRewards = defineTool({
  name: 'claim_rewards',
  title: 'Claim rewards to your wallet',
  description:
    'Claims everything settled for you so far to your linked wallet (only ever that wallet). Relayed by servers on their embedded chain; on a real chain, claim from your wallet with get_claim. A repeat claims nothing more.',
  input: { idempotencyKey: idempotencyKeyInput.optional() },
  output: {
    wallet: z.string(),
    epoch: z.number().int(),
    amount: amountOut,
    cumulativeAmount: amountOut,
    txHash: z.string(),
  },
  // Pays the caller's own wallet; a second call finds nothing left to claim.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  run: (args, { app, auth }) => app.rewards.submitClaim({ ...args, accountId: requireAccount(auth) }),
  render: (r) => `Claimed ${tokens(r.amount)} to ${r.wallet} (epoch ${r.epoch}, transaction ${r.txHash}).`,
});
