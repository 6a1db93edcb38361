import { z } from 'zod';
import { minStakeOf } from '../datanets/datanetStore.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import { amountSchema, formatTokens } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withIdempotency } from '../shared/withIdempotency.ts';

const params = z.object({
  accountId: idSchema,
  datanetId: idSchema,
  amount: amountSchema,
  idempotencyKey: z.string().min(1).max(200),
});
export interface StakeResult {
  datanetId: string;
  staked: bigint;
}

/** Locks tokens as validator stake on a datanet; the total must reach the datanet's minimum. */
export async function stakeAsValidator(deps: Deps, input: z.input<typeof params>): Promise<StakeResult> {
  const p = parseInput(params, input);
  if (p.amount <= 0n) throw badInput('amount: must be more than zero');
  return deps.sql.begin(async (tx) => {
    const { result } = await withIdempotency(
      tx,
      { accountId: p.accountId, key: p.idempotencyKey, operation: 'stake', request: p },
      async () => {
        const minStake = await minStakeOf(tx, p.datanetId);
        if (minStake === null) throw notFound('Datanet', p.datanetId);
        const [row] = await tx<{ amount: string }[]>`
          insert into validator_stakes (datanet_id, account_id, amount) values (${p.datanetId}, ${p.accountId}, ${p.amount.toString()})
          on conflict (datanet_id, account_id)
          do update set amount = validator_stakes.amount + excluded.amount, updated_at = now()
          returning amount`;
        const staked = BigInt(row.amount);
        if (staked < minStake) {
          throw new AppError(
            'BAD_INPUT',
            `This datanet needs a stake of at least ${formatTokens(minStake)} tokens in total.`,
            { minStake: minStake.toString() },
          );
        }
        await postTransaction(tx, {
          kind: 'stake',
          memo: { datanetId: p.datanetId, accountId: p.accountId },
          legs: [
            { ownerAccountId: p.accountId, amount: -p.amount },
            { ledgerAccountId: deps.system.stakes, amount: p.amount },
          ],
        });
        return { datanetId: p.datanetId, staked };
      },
    );
    return result;
  });
}
