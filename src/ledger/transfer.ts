import { z } from 'zod';
import { badInput } from '../errors.ts';
import { amountSchema } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  fromAccountId: idSchema,
  toAccountId: idSchema,
  amount: amountSchema,
  idempotencyKey: z.string().min(1).max(200),
  memo: z.string().max(200).optional(),
});
export interface TransferResult {
  txId: string;
  replayed: boolean;
}

/**
 * Pays another account from the caller's own balance (tips, agent-to-agent payments). A retry with the
 * same key and request replays the first transfer; the same key for another transfer is a CONFLICT.
 */
export async function transfer(deps: Deps, input: z.input<typeof params>): Promise<TransferResult> {
  const p = parseInput(params, input);
  if (p.fromAccountId === p.toAccountId) throw badInput('Cannot transfer to the same account.');
  if (p.amount <= 0n) throw badInput('amount: must be more than zero');
  // One round trip: the key is claimed, compared and answered in the posting's own statement, and
  // concurrent transfers share a commit (deps.postings, a PostingBatcher).
  return deps.postings.post({
    kind: 'transfer',
    // Kept: transfers made before idempotency records existed still replay by their ledger key.
    idempotencyKey: `transfer:${p.fromAccountId}:${p.idempotencyKey}`,
    memo: { from: p.fromAccountId, to: p.toAccountId, memo: p.memo },
    legs: [
      { ownerAccountId: p.fromAccountId, amount: -p.amount },
      { ownerAccountId: p.toAccountId, amount: p.amount },
    ],
    once: { accountId: p.fromAccountId, key: p.idempotencyKey, operation: 'transfer', request: p },
  });
}
