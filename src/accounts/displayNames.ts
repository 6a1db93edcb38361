import type { Db } from '../db/openDatabase.ts';

/** Display names of accounts, for boards that list people (an unknown id is absent). */
export async function displayNamesOf(db: Db, accountIds: string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db<{ id: string; display_name: string }[]>`
    select id, display_name from accounts where id = any(${accountIds}::bigint[])`;
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
