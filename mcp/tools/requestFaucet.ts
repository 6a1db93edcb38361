import { z } from 'zod';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

export const requestFaucet = defineTool({
  name: 'request_faucet',
  title: 'Get development tokens',
  description: 'Credits development tokens to your balance. Only offered on servers with DEV_FAUCET_ENABLED.',
  input: { idempotencyKey: idempotencyKeyInput },
  output: { amount: amountOut, txId: z.string(), replayed: z.boolean() },
  annotations: ADDITIVE_IDEMPOTENT,
  enabled: (app) => app.config.faucet.enabled,
  run: (args, { app, auth }) => app.ledger.requestFaucet({ ...args, accountId: requireAccount(auth) }),
  render: (r) => `${r.replayed ? 'Already credited' : 'Credited'} ${tokens(r.amount)} (ledger tx ${r.txId}).`,
});
