import type { Db } from '../db/openDatabase.ts';
import { availableAccountOf } from '../ledger/availableAccountOf.ts';

/** A new account with its spendable ledger account; call inside the transaction that names it. */
export async function createAccount(
  db: Db,
  kind: 'person' | 'agent',
  displayName: string,
): Promise<{ id: string }> {
  const [acct] = await db<{ id: string }[]>`
    insert into accounts (kind, display_name) values (${kind}, ${displayName}) returning id`;
  await availableAccountOf(db, acct.id);
  return acct;
}
