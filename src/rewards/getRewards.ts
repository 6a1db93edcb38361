import { z } from 'zod';
import { linkedWalletOf } from '../accounts/accountStore.ts';
import { availableBalanceOf, earnedByRoleOf, recentEntriesOf } from '../ledger/ledgerStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  accountId: idSchema,
  /** How many recent ledger entries to include. */
  historyLimit: z.number().int().min(0).max(200).default(20),
});

export interface Rewards {
  accountId: string;
  wallet: string | null;
  /** Spendable balance in the service. */
  available: bigint;
  /** Everything ever credited for a role: contributor, validator, developer. */
  earnedByRole: Record<string, bigint>;
  earned: bigint;
  /** Earnings moved into an epoch root (no longer spendable here; claimable on chain). */
  committed: bigint;
  /** Of the committed amount, what the vault has paid out. */
  claimed: bigint;
  /** Committed and not yet claimed: claimable on chain by the wallet it was committed to. */
  claimable: bigint;
  /** Earned but not committed yet: goes into the next epoch if a wallet is linked and the balance covers it. */
  uncommitted: bigint;
  lastEpoch: { epoch: number; settledAt: Date } | null;
  history: { txId: string; kind: string; amount: bigint; role: string | null; at: Date }[];
}

/**
 * The caller's rewards: earnings by role, what was committed to epochs, claimed and still claimable,
 * and recent ledger history. Only the caller's own (the input is the caller's account id). A wallet's
 * claims pay its commitments in epoch order, so an account's share of a wallet's claimed total is
 * allocated first-committed, first-paid.
 */
export async function getRewards(deps: Deps, input: z.input<typeof params>): Promise<Rewards> {
  const p = parseInput(params, input);
  const [bal, earnedByRole, [totals], [epoch], history, wallet] = await Promise.all([
    availableBalanceOf(deps.sql, p.accountId),
    earnedByRoleOf(deps.sql, p.accountId),
    deps.sql<{ committed: string; claimed: string }[]>`
      with mine as (select distinct wallet from reward_commitments where account_id = ${p.accountId}),
      ordered as (
        select c.account_id, c.wallet, c.amount,
          sum(c.amount) over (partition by c.wallet order by c.epoch, c.account_id) - c.amount as before
        from reward_commitments c where c.wallet in (select wallet from mine))
      select coalesce(sum(o.amount), 0) as committed,
        coalesce(sum(greatest(0, least(o.amount, w.claimed - o.before))), 0) as claimed
      from ordered o join reward_wallets w on w.wallet = o.wallet
      where o.account_id = ${p.accountId}`,
    deps.sql<{ epoch: string; settled_at: Date }[]>`
      select epoch, settled_at from reward_epochs order by epoch desc limit 1`,
    recentEntriesOf(deps.sql, p.accountId, p.historyLimit),
    linkedWalletOf(deps.sql, p.accountId),
  ]);
  const earned = Object.values(earnedByRole).reduce((a, b) => a + b, 0n);
  const committed = BigInt(totals.committed);
  const claimed = BigInt(totals.claimed);
  return {
    accountId: p.accountId,
    wallet,
    available: bal?.balance ?? 0n,
    earnedByRole,
    earned,
    committed,
    claimed,
    claimable: committed - claimed,
    uncommitted: earned - committed,
    lastEpoch: epoch ? { epoch: Number(epoch.epoch), settledAt: epoch.settled_at } : null,
    history,
  };
}
