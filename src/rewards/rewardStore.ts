import type { Db } from '../db/openDatabase.ts';

export interface SettledCommitment {
  epoch: number;
  wallet: string;
  amount: bigint;
  settledAt: Date;
}

/** What epochs settled at or after `since` committed to an account (claimable on chain), oldest first. */
export async function commitmentsSettledSince(
  db: Db,
  input: { accountId: string; since: Date; limit: number },
): Promise<SettledCommitment[]> {
  const rows = await db<{ epoch: string; wallet: string; amount: string; settled_at: Date }[]>`
    select c.epoch, c.wallet, c.amount, e.settled_at
    from reward_commitments c join reward_epochs e on e.epoch = c.epoch
    where c.account_id = ${input.accountId} and e.settled_at >= ${input.since}
    order by e.settled_at, c.epoch limit ${input.limit}`;
  return rows.map((r) => ({
    epoch: Number(r.epoch),
    wallet: r.wallet,
    amount: BigInt(r.amount),
    settledAt: r.settled_at,
  }));
}
