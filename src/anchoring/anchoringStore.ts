import type { Db } from '../db/openDatabase.ts';

/**
 * The anchoring area's tables (anchor queues, batches, account_refs belong to src/anchoring), as
 * other areas' statements name them. Each takes the connection or transaction it is given.
 */

/**
 * The account refs table, for another area's statement that joins it (one statement keeps one
 * snapshot): every such reader names it through here, so all are found from here.
 */
export const accountRefsTable = (db: Db) => db('account_refs');

/** How many contributions and validation outcomes wait in the anchor queues, together. */
export async function anchorQueueDepth(db: Db): Promise<number> {
  const [row] = await db<{ n: string }[]>`
    select (select count(*) from contribution_anchor_queue) + (select count(*) from validation_anchor_queue) as n`;
  return Number(row.n);
}
