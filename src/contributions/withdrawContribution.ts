import { z } from 'zod';
import { AppError, forbidden, notFound } from '../errors.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ accountId: idSchema, contributionId: idSchema });

/** The contributor takes back a pending contribution and its deposit; repeating it is harmless. */
export async function withdrawContribution(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<{ contributionId: string; status: 'withdrawn'; refunded: bigint }> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const [c] = await tx<{ contributor_account_id: string; status: string; deposit: string }[]>`
      select contributor_account_id, status, deposit from contributions where id = ${p.contributionId} for update`;
    if (!c) throw notFound('Contribution', p.contributionId);
    if (c.contributor_account_id !== p.accountId)
      throw forbidden('Only the contributor can withdraw a contribution.');
    if (c.status === 'withdrawn')
      return { contributionId: p.contributionId, status: 'withdrawn' as const, refunded: 0n };
    if (c.status !== 'pending') {
      throw new AppError(
        'INVALID_STATE',
        `This contribution was already ${c.status}; only pending ones can be withdrawn.`,
      );
    }
    await tx`update contributions set status = 'withdrawn', decided_at = ${deps.now()} where id = ${p.contributionId}`;
    await tx`delete from contribution_bands where contribution_id = ${p.contributionId}`;
    const deposit = BigInt(c.deposit);
    if (deposit > 0n) {
      await postTransaction(tx, {
        kind: 'deposit_refund',
        idempotencyKey: `withdraw:${p.contributionId}`,
        memo: { contributionId: p.contributionId },
        legs: [
          { ledgerAccountId: deps.system.escrow, amount: -deposit },
          { ownerAccountId: p.accountId, amount: deposit },
        ],
      });
    }
    return { contributionId: p.contributionId, status: 'withdrawn' as const, refunded: deposit };
  });
}
