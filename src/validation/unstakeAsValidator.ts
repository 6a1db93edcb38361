import { z } from 'zod';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { AppError } from '../errors.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withOptionalIdempotency } from '../shared/withIdempotency.ts';

const params = z.object({
  accountId: idSchema,
  datanetId: idSchema,
  /** Optional: a retry with the same key replays the first result; another request with it is a CONFLICT. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});

/**
 * Returns the whole stake. Refused while any of this validator's votes is on a contribution
 * still pending, so a stake cannot vanish from under a vote that might still decide.
 */
export async function unstakeAsValidator(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ datanetId: string; returned: bigint }> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const scope = { accountId: p.accountId, key: p.idempotencyKey, operation: 'unstake', request: p };
    const { result } = await withOptionalIdempotency(tx, scope, async () => {
      // Same row lock a vote takes (for share), so a vote and an unstake cannot interleave.
      const [stake] = await tx<{ amount: string }[]>`
      select amount from validator_stakes where datanet_id = ${p.datanetId} and account_id = ${p.accountId} for update`;
      const amount = BigInt(stake?.amount ?? 0);
      if (amount === 0n) return { datanetId: p.datanetId, returned: 0n };
      const [open] = await tx<{ n: string }[]>`
      select count(*) as n from votes v join ${contributionsTable(tx)} c on c.id = v.contribution_id
      where v.validator_account_id = ${p.accountId} and c.datanet_id = ${p.datanetId} and c.status = 'pending'`;
      if (Number(open.n) > 0) {
        throw new AppError(
          'INVALID_STATE',
          `You have ${open.n} vote(s) on contributions still under review. Unstake after they are decided.`,
          { openVotes: Number(open.n) },
        );
      }
      await tx`update validator_stakes set amount = 0, updated_at = now() where datanet_id = ${p.datanetId} and account_id = ${p.accountId}`;
      await postTransaction(tx, {
        kind: 'unstake',
        memo: { datanetId: p.datanetId, accountId: p.accountId },
        legs: [
          { ledgerAccountId: deps.system.stakes, amount: -amount },
          { ownerAccountId: p.accountId, amount },
        ],
      });
      return { datanetId: p.datanetId, returned: amount };
    });
    return result;
  });
}
