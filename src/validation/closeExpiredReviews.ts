import { contributionsTable, markExpired } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { decideIfReady, type Outcome } from './decideIfReady.ts';

export interface ClosedReview {
  contributionId: string;
  /** 'decided': by the votes present; 'returned': to its contributor, with the deposit. */
  result: 'decided' | 'returned';
  outcome: Outcome | null;
  refunded: bigint;
}

/**
 * Closes contributions whose review window has passed: decided on the votes present when the
 * datanet says so and they reach the threshold, otherwise returned with the deposit. Each one is
 * closed in its own transaction under its row lock with `skip locked`, and only while still
 * pending, so overlapping runs (or a vote arriving at the same moment) close it exactly once.
 */
export async function closeExpiredReviews(
  deps: Deps,
  input: { limit?: number } = {},
): Promise<ClosedReview[]> {
  const closed: ClosedReview[] = [];
  const limit = input.limit ?? 100;
  while (closed.length < limit) {
    const one = await deps.sql.begin(async (tx) => {
      const [c] = await tx<{ id: string; contributor_account_id: string; deposit: string }[]>`
        select c.id, c.contributor_account_id, c.deposit from ${contributionsTable(tx)} c join ${datanetsTable(tx)} d on d.id = c.datanet_id
        where c.status = 'pending' and c.gold_answer is null
          and c.created_at + make_interval(secs => d.review_window_seconds) <= ${deps.now()}
        order by c.created_at, c.id limit 1
        for update of c skip locked`;
      if (!c) return null;
      const outcome = await decideIfReady(tx, deps, c.id, { windowClosed: true });
      if (outcome) return { contributionId: c.id, result: 'decided' as const, outcome, refunded: 0n };
      await markExpired(tx, c.id, deps.now());
      const deposit = BigInt(c.deposit);
      if (deposit > 0n) {
        await postTransaction(tx, {
          kind: 'deposit_refund',
          idempotencyKey: `expired:${c.id}`,
          memo: { contributionId: c.id },
          legs: [
            { ledgerAccountId: deps.system.escrow, amount: -deposit },
            { ownerAccountId: c.contributor_account_id, amount: deposit },
          ],
        });
      }
      return { contributionId: c.id, result: 'returned' as const, outcome: null, refunded: deposit };
    });
    if (!one) break;
    closed.push(one);
  }
  if (closed.length > 0) deps.log.info('review windows closed', { count: closed.length });
  return closed;
}
