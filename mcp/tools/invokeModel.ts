import { z } from 'zod';
import { describeCredit } from '../../src/inference/describeCredit.ts';
import type { Receipt } from '../../src/inference/receipt.ts';
import { shownPercents } from '../../src/inference/shownShares.ts';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { amountInput, idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { receiptOut } from '../modelWireSchemas.ts';
import { tokens } from '../tokens.ts';

export const invokeModel = defineTool({
  name: 'invoke_model',
  title: 'Ask a model (paid)',
  description:
    "Pays the model's fee from your balance and returns the answer with a receipt: the fee, how it was split, and which contributions the answer drew on with each one's share. Never overdraws; set maxFee to cap the price. Retrying with the same idempotencyKey returns the same answer and receipt and charges once.",
  input: {
    modelId: idInput('Model'),
    prompt: z.string().min(1),
    maxTokens: z.number().int().min(1).optional().describe('answer length limit in tokens'),
    temperature: z.number().min(0).max(10).optional(),
    topK: z.number().int().min(0).max(100_000).optional(),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    maxFee: amountInput('The most you will pay for this call').optional(),
    idempotencyKey: idempotencyKeyInput,
  },
  output: {
    answer: z.string(),
    receipt: receiptOut,
    replayed: z.boolean().describe('true when this key was already paid: nothing was charged this time'),
    timing: z.object({ totalMs: z.number(), modelMs: z.number() }),
  },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.inference.invoke({ ...args, accountId: requireAccount(auth) }),
  render: ({ answer, receipt, replayed }) =>
    `${answer}\n\n(receipt #${receipt.receiptId}${replayed ? ', replayed: not charged again' : ''}: paid ${tokens(receipt.fee)}; ` +
    `drew on ${receipt.attribution.contributions.length} contribution(s)` +
    `${receipt.attribution.contributions.length ? `: ${drewOn(receipt)}` : ''}; ${describeCredit(receipt)})`,
});

/** Percentages rounded so they add up to 100. */
function drewOn(receipt: Receipt): string {
  const cs = receipt.attribution.contributions;
  const percents = shownPercents(cs.map((c) => BigInt(c.units)));
  return cs.map((c, i) => `#${c.contributionId} ${percents[i]}`).join(', ');
}
