import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { linkedWalletOf } from './linkedWalletOf.ts';

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
  const [[bal], roles, [totals], [epoch], history, wallet] = await Promise.all([
    deps.sql<{ id: string | null; balance: string | null }[]>`
      select id, balance from ledger_accounts where owner_account_id = ${p.accountId} and kind = 'available'`,
    deps.sql<{ role: string; earned: string }[]>`
      select e.role, sum(e.amount) as earned
      from ledger_entries e join ledger_accounts a on a.id = e.ledger_account_id
      where a.owner_account_id = ${p.accountId} and a.kind = 'available' and e.amount > 0
        and e.role in ('contributor', 'validator', 'developer')
      group by e.role`,
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
    deps.sql<{ tx_id: string; kind: string; amount: string; role: string | null; created_at: Date }[]>`
      select t.id as tx_id, t.kind, e.amount, e.role, t.created_at
      from ledger_entries e join ledger_transactions t on t.id = e.tx_id
      join ledger_accounts a on a.id = e.ledger_account_id
      where a.owner_account_id = ${p.accountId} and a.kind = 'available'
      order by e.id desc limit ${p.historyLimit}`,
    linkedWalletOf(deps.sql, p.accountId),
  ]);
  const earnedByRole = Object.fromEntries(roles.map((r) => [r.role, BigInt(r.earned)]));
  const earned = Object.values(earnedByRole).reduce((a, b) => a + b, 0n);
  const committed = BigInt(totals.committed);
  const claimed = BigInt(totals.claimed);
  return {
    accountId: p.accountId,
    wallet,
    available: BigInt(bal?.balance ?? 0),
    earnedByRole,
    earned,
    committed,
    claimed,
    claimable: committed - claimed,
    uncommitted: earned - committed,
    lastEpoch: epoch ? { epoch: Number(epoch.epoch), settledAt: epoch.settled_at } : null,
    history: history.map((h) => ({
      txId: h.tx_id,
      kind: h.kind,
      amount: BigInt(h.amount),
      role: h.role,
      at: h.created_at,
    })),
  };
}
