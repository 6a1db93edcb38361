import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { amountInput, idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';

export const fundDatanetPool = defineTool({
  name: 'fund_datanet_pool',
  title: "Fund a datanet's reward pool",
  description:
    "Pays tokens from your balance into a datanet's reward pool, which pays validators per decision. Not refundable.",
  input: {
    datanetId: idInput('Datanet'),
    amount: amountInput('Amount to add'),
    idempotencyKey: idempotencyKeyInput,
  },
  output: { txId: z.string(), replayed: z.boolean() },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.datanets.fundPool({ ...args, accountId: requireAccount(auth) }),
  render: (r) => (r.replayed ? `Already funded (ledger tx ${r.txId}).` : `Funded (ledger tx ${r.txId}).`),
});
