import type { Db } from '../db/openDatabase.ts';

export type SystemAccountName =
  | 'deposits'
  | 'faucet'
  | 'settlement'
  | 'treasury'
  | 'stakes'
  | 'escrow'
  // Rewards committed to an epoch root and claimable on chain, until the vault reports the claim.
  | 'rewards';

export type SystemAccounts = Record<SystemAccountName, string>;

/** Ledger account ids of the system accounts (seeded by the first migration). */
export async function loadSystemAccounts(db: Db): Promise<SystemAccounts> {
  const rows = await db<{ id: string; system_name: SystemAccountName }[]>`
    select id, system_name from ledger_accounts where kind = 'system'`;
  return Object.fromEntries(rows.map((r) => [r.system_name, r.id])) as SystemAccounts;
}
