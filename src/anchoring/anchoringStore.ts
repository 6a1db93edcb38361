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
