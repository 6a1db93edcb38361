import { z } from 'zod';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { amountInput, idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const stakeAsValidator = defineTool({
  name: 'stake_as_validator',
  title: 'Stake as a validator',
  description:
    "Locks tokens from your balance as validator stake on a datanet; your total must reach the datanet's minStake to vote. Unstake returns it.",
  input: {
    datanetId: idInput('Datanet'),
    amount: amountInput('Amount to add to your stake'),
    idempotencyKey: idempotencyKeyInput,
  },
  output: { datanetId: z.string(), staked: amountOut.describe('your total stake on this datanet') },
  annotations: ADDITIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.validation.stake({ ...args, accountId: requireAccount(auth) }),
  render: (r) => `Staked: ${tokens(r.staked)} in total on datanet #${r.datanetId}.`,
});
