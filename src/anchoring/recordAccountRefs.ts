import type { Db } from '../db/openDatabase.ts';
import { accountRef } from './toBytes32Ref.ts';

/**
 * Stores the on-chain refs of these accounts (PostgreSQL has no keccak256), so an event naming a ref
 * (a vault deposit) finds its account with one index lookup.
 */
export async function recordAccountRefs(db: Db, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await db`
    insert into account_refs (ref, account_id)
    select r, a from unnest(${accountIds.map((id) => accountRef(id))}::text[], ${accountIds as string[]}::bigint[]) as u(r, a)
    on conflict do nothing`;
}
