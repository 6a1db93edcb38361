import type postgres from 'postgres';
import type { Db } from '../db/openDatabase.ts';

/**
 * The accounts area's queries that other areas need (accounts, identities, api_keys, link_codes,
 * account_roles, wallet_link_nonces and wallet_links belong to src/accounts). Each takes the
 * connection or transaction it is given, so callers keep their transactions.
 *
 * A linked wallet is the identity `wallet:<lowercase 0x address>`; this file is the only place
 * that spells that out in SQL.
 */
const WALLET_PREFIX = 'wallet:'; // 7 characters: the address starts at the 8th (substr(identity, 8))

/** The account's linked wallet (lowercase 0x address), or null. At most one: see finishWalletLink. */
export async function linkedWalletOf(db: Db, accountId: string): Promise<string | null> {
  const [row] = await db<{ wallet: string }[]>`
    select substr(identity, 8) as wallet from identities
    where account_id = ${accountId} and identity like 'wallet:%' order by created_at limit 1`;
  return row?.wallet ?? null;
}

/** Every account with a linked wallet, and the wallet. */
export async function linkedWallets(db: Db): Promise<{ accountId: string; wallet: string }[]> {
  const rows = await db<{ account_id: string; wallet: string }[]>`
    select account_id, substr(identity, 8) as wallet from identities
    where identity like 'wallet:%'`;
  return rows.map((r) => ({ accountId: r.account_id, wallet: r.wallet }));
}

/** Which of `accountIds` have a linked wallet. */
export async function accountsWithWallet(db: Db, accountIds: readonly string[]): Promise<string[]> {
  const rows = await db<{ account_id: string }[]>`
    select account_id from identities
    where account_id in ${db(accountIds as string[])} and identity like 'wallet:%'`;
  return rows.map((r) => r.account_id);
}

/** The identity of a wallet address (given lowercase 0x). */
export const walletIdentity = (address: string) => `${WALLET_PREFIX}${address}`;

/** Unlinks the account's wallet identity; returns the address it had, or null when none. */
export async function removeWalletIdentity(tx: Db, accountId: string): Promise<string | null> {
  const [old] = await tx<{ identity: string }[]>`
    delete from identities where account_id = ${accountId} and identity like 'wallet:%' returning identity`;
  return old ? old.identity.slice(WALLET_PREFIX.length) : null;
}

/**
 * A scalar expression: the account that `accountId` (a column or value) survives as after link-code
 * merges (itself when never merged), for queries that pay people.
 */
export const survivingAccountExpr = (db: Db, accountId: postgres.Fragment) =>
  db`(select coalesce(a.merged_into, a.id) from accounts a where a.id = ${accountId})`;

/** A scalar expression: the display name of the account `accountId` (a column or value). */
export const displayNameExpr = (db: Db, accountId: postgres.Fragment) =>
  db`(select a.display_name from accounts a where a.id = ${accountId})`;

/**
 * The accounts table, for another area's statement that joins it (one statement keeps one snapshot
 * and its order): every such reader names it through here, so all are found from here.
 */
export const accountsTable = (db: Db) => db('accounts');

/** Display names of accounts, for boards that list people (an unknown id is absent). */
export async function displayNamesOf(db: Db, accountIds: string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db<{ id: string; display_name: string }[]>`
    select id, display_name from accounts where id = any(${accountIds}::bigint[])`;
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
