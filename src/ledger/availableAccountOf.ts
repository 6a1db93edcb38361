import type { Db } from '../db/openDatabase.ts';

/** The spendable ledger account of a person or agent, created on first use. */
export async function availableAccountOf(db: Db, accountId: string): Promise<string> {
  const [found] = await db<{ id: string }[]>`
    select id from ledger_accounts where owner_account_id = ${accountId} and kind = 'available'`;
  if (found) return found.id;
  const [row] = await db<{ id: string }[]>`
    insert into ledger_accounts (kind, owner_account_id) values ('available', ${accountId})
    on conflict (owner_account_id) where kind = 'available' do update set kind = excluded.kind
    returning id`;
  return row.id;
}
