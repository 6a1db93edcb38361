import type { Db } from '../db/openDatabase.ts';

/**
 * The chain port's tables (chain_outbox, chain_cursors belong to src/chain): what the rest of the
 * service reads of the outbox (health checks, metrics, proofs) and the event cursors. Each takes the
 * connection or transaction it is given, so callers keep their transactions.
 */

/**
 * The outbox table, for another area's statement that joins it (one statement keeps one snapshot):
 * every such reader names it through here, so all are found from here.
 */
export const chainOutboxTable = (db: Db) => db('chain_outbox');

/** A scalar expression: the id of the outbox row written for `dedupeKey` (null when none was). */
export const outboxIdExpr = (db: Db, dedupeKey: string) =>
  db`(select id from chain_outbox where dedupe_key = ${dedupeKey})`;

/** Rows by status, for the metrics gauges. */
export async function countOutboxByStatus(db: Db): Promise<{ label: string; n: string }[]> {
  return db<{ label: string; n: string }[]>`
    select status as label, count(*)::text as n from chain_outbox group by status`;
}

/** Rows not yet confirmed (pending or submitted): how many, and the oldest one's age in seconds (0 when none). */
export async function unconfirmedOutbox(db: Db): Promise<{ ageSeconds: number; count: number }> {
  const [row] = await db<{ age: number; n: number }[]>`
    select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age, count(*)::int as n
    from chain_outbox where status in ('pending', 'submitted')`;
  return { ageSeconds: Number(row.age), count: row.n };
}

/** Whether the outbox table exists yet (a database that was never migrated has none). */
export async function outboxExists(db: Db): Promise<boolean> {
  const [table] = await db<{ ok: boolean }[]>`select to_regclass('chain_outbox') is not null as ok`;
  return table.ok;
}

/** The newest rows set aside for good, and how many there are in all. */
export async function failedOutboxRows(
  db: Db,
  limit: number,
): Promise<{ rows: { id: string; kind: string; why: string | null }[]; total: number }> {
  const rows = await db<{ id: string; kind: string; why: string | null; n: number }[]>`
    select id, kind, last_error as why, count(*) over ()::int as n from chain_outbox
    where status = 'failed' order by id desc limit ${limit}`;
  return { rows: rows.map(({ id, kind, why }) => ({ id, kind, why })), total: rows[0]?.n ?? 0 };
}

export interface OutboxRow {
  id: string;
  status: string;
  txHash: `0x${string}` | null;
  blockNumber: bigint | null;
}

/** The row written for `dedupeKey`, or null when none was. */
export async function outboxRowByDedupeKey(db: Db, dedupeKey: string): Promise<OutboxRow | null> {
  const [row] = await db<
    { id: string; status: string; tx_hash: `0x${string}` | null; block_number: string | null }[]
  >`select id, status, tx_hash, block_number from chain_outbox where dedupe_key = ${dedupeKey}`;
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    txHash: row.tx_hash,
    blockNumber: row.block_number === null ? null : BigInt(row.block_number),
  };
}

/** Where an event reader stopped: the chain it read and the last block it finished; null before it ran. */
export async function readChainCursor(
  db: Db,
  name: string,
): Promise<{ chainKey: string; lastBlock: bigint } | null> {
  const [cursor] = await db<{ chain_key: string; last_block: string }[]>`
    select chain_key, last_block from chain_cursors where name = ${name}`;
  return cursor ? { chainKey: cursor.chain_key, lastBlock: BigInt(cursor.last_block) } : null;
}

/** Moves an event reader's cursor, in the transaction that recorded what it read up to `lastBlock`. */
export async function saveChainCursor(
  tx: Db,
  cursor: { name: string; chainKey: string; lastBlock: bigint; at: Date },
): Promise<void> {
  await tx`
    insert into chain_cursors (name, chain_key, last_block, updated_at)
    values (${cursor.name}, ${cursor.chainKey}, ${cursor.lastBlock.toString()}, ${cursor.at})
    on conflict (name) do update set chain_key = excluded.chain_key, last_block = excluded.last_block,
      updated_at = excluded.updated_at`;
}
