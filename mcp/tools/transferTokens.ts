import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { amountInput, idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';

export const transferTokens = defineTool({
  name: 'transfer_tokens',
  title: 'Pay another account',
  description:
    'Pays tokens from your balance to another account (tips, agent-to-agent payments). Not reversible.',
  input: {
    toAccountId: idInput('Recipient account'),
    amount: amountInput('Amount to pay'),
    memo: z.string().max(200).optional(),
    idempotencyKey: idempotencyKeyInput,
  },
  output: { txId: z.string(), replayed: z.boolean() },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.ledger.transfer({ ...args, fromAccountId: requireAccount(auth) }),
  render: (r) => (r.replayed ? `Already paid (ledger tx ${r.txId}).` : `Paid (ledger tx ${r.txId}).`),
});
