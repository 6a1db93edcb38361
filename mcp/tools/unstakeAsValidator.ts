import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const unstakeAsValidator = defineTool({
  name: 'unstake_as_validator',
  title: 'Unstake as a validator',
  description:
    'Returns your whole stake on a datanet to your balance and ends your voting there. Refused while a vote of yours is on a contribution still under review.',
  input: { datanetId: idInput('Datanet'), idempotencyKey: idempotencyKeyInput.optional() },
  output: { datanetId: z.string(), returned: amountOut },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.validation.unstake({ ...args, accountId: requireAccount(auth) }),
  render: (r) => `Unstaked: ${tokens(r.returned)} returned from datanet #${r.datanetId}.`,
});
