import { z } from 'zod';
import { requirePermission, roleRulesSchema } from '../accounts/requirePermission.ts';
import { badInput, notFound } from '../errors.ts';
import { poolAccountOf } from '../ledger/ledgerStore.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import { amountSchema } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  /** The role mapping where this is asked (a Discord server's /settings); see requirePermission. */
  roleRules: roleRulesSchema,
  accountId: idSchema,
  datanetId: idSchema,
  amount: amountSchema,
  idempotencyKey: z.string().min(1).max(200),
});

/**
 * Anyone may add to a datanet's reward pool, which pays validators per decision. The same key and
 * request replays the first funding; the same key for another funding is a CONFLICT.
 */
export async function fundDatanetPool(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ txId: string; replayed: boolean }> {
  const p = parseInput(params, input);
  if (p.amount <= 0n) throw badInput('amount: must be more than zero');
  await requirePermission(deps.sql, deps.config, p.accountId, 'datanet.fund', p.roleRules);
  const pool = await poolAccountOf(deps.sql, p.datanetId);
  if (!pool) throw notFound('Datanet', p.datanetId);
  return postTransaction(deps.sql, {
    kind: 'pool_funding',
    // Kept: fundings made before idempotency records existed still replay by their ledger key.
    idempotencyKey: `pool:${p.accountId}:${p.idempotencyKey}`,
    memo: { datanetId: p.datanetId, by: p.accountId },
    legs: [
      { ownerAccountId: p.accountId, amount: -p.amount },
      { ledgerAccountId: pool, amount: p.amount },
    ],
    once: { accountId: p.accountId, key: p.idempotencyKey, operation: 'pool.fund', request: p },
  });
}
