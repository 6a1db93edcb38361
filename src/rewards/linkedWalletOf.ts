import type { Db } from '../db/openDatabase.ts';

/** The account's linked wallet (lowercase 0x address), or null. At most one: see finishWalletLink. */
export async function linkedWalletOf(db: Db, accountId: string): Promise<string | null> {
  const [row] = await db<{ wallet: string }[]>`
    select substr(identity, 8) as wallet from identities where account_id = ${accountId} and identity like 'wallet:%'`;
  return row?.wallet ?? null;
}
