import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ accountId: idSchema });
export interface Balance {
  accountId: string;
  available: bigint;
  /** Tokens staked as validator, across datanets. */
  staked: bigint;
  /** Locked as deposits of this account's pending contributions. */
  inDeposits: bigint;
  /** Everything ever credited to this account for a role (contributor, validator, developer). */
  earnedByRole: Record<string, bigint>;
}

/** The caller's own balance; use cases that show balances take the caller's account id only. */
export async function getBalance(deps: Deps, input: z.input<typeof params>): Promise<Balance> {
  const p = parseInput(params, input);
  const [row] = await deps.sql<{ available: string | null; staked: string; in_deposits: string }[]>`
    select
      (select balance from ledger_accounts where owner_account_id = ${p.accountId} and kind = 'available') as available,
      (select coalesce(sum(amount), 0) from validator_stakes where account_id = ${p.accountId}) as staked,
      (select coalesce(sum(deposit), 0) from contributions where contributor_account_id = ${p.accountId} and status = 'pending') as in_deposits`;
  const roles = await deps.sql<{ role: string; earned: string }[]>`
    select e.role, sum(e.amount) as earned
    from ledger_entries e join ledger_accounts a on a.id = e.ledger_account_id
    where a.owner_account_id = ${p.accountId} and a.kind = 'available' and e.amount > 0
      and e.role in ('contributor', 'validator', 'developer')
    group by e.role`;
  return {
    accountId: p.accountId,
    available: BigInt(row.available ?? 0),
    staked: BigInt(row.staked),
    inDeposits: BigInt(row.in_deposits),
    earnedByRole: Object.fromEntries(roles.map((r) => [r.role, BigInt(r.earned)])),
  };
}
