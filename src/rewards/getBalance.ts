import { z } from 'zod';
import { pendingDepositsExpr } from '../contributions/contributionStore.ts';
import { availableBalanceExpr, earnedByRoleOf } from '../ledger/ledgerStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { stakedTotalExpr } from '../validation/validationStore.ts';

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

/**
 * The caller's own balance: spendable (ledger), staked (validation) and in deposits (contributions).
 * Use cases that show balances take the caller's account id only.
 */
export async function getBalance(deps: Deps, input: z.input<typeof params>): Promise<Balance> {
  const p = parseInput(params, input);
  const [row] = await deps.sql<{ available: string | null; staked: string; in_deposits: string }[]>`
    select
      ${availableBalanceExpr(deps.sql, p.accountId)} as available,
      ${stakedTotalExpr(deps.sql, p.accountId)} as staked,
      ${pendingDepositsExpr(deps.sql, p.accountId)} as in_deposits`;
  const earnedByRole = await earnedByRoleOf(deps.sql, p.accountId);
  return {
    accountId: p.accountId,
    available: BigInt(row.available ?? 0),
    staked: BigInt(row.staked),
    inDeposits: BigInt(row.in_deposits),
    earnedByRole,
  };
}
