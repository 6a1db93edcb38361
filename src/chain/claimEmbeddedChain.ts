import type { Sql } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';

/** Session-level advisory lock key ("potluck" + 1): the embedded chain's writer on this database. */
export const EMBEDDED_CHAIN_LOCK = 0x706f746c75636b01n;

/** How long a start waits for the previous holder to finish exiting. */
const HANDOVER_WAIT_MS = 5000;

/**
 * Makes this process the only one on a shared PostgreSQL that runs an embedded chain, for as long
 * as it lives: a second embedded chain would start empty and the outbox would be replayed onto it,
 * so two processes would anchor the same rows on two different chains. The lock is held by a
 * reserved connection; it goes when that connection does (release, or the process dying).
 */
export async function claimEmbeddedChain(
  sql: Sql,
  options: { waitMs?: number } = {},
): Promise<() => Promise<void>> {
  // A process that just handed over (a `potluck mcp` session ending as the next starts) may still
  // hold the lock for a moment while it exits: wait that long before calling it a second writer.
  const until = Date.now() + (options.waitMs ?? HANDOVER_WAIT_MS);
  const held = await sql.reserve();
  try {
    for (;;) {
      const [row] = await held<{ ok: boolean }[]>`
        select pg_try_advisory_lock(${EMBEDDED_CHAIN_LOCK.toString()}::bigint) as ok`;
      if (row.ok) break;
      if (Date.now() >= until) throw embeddedChainTaken();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    held.release();
    throw error;
  }
  return async () => {
    // A connection that was cut took the lock with it: nothing left to unlock.
    await held`select pg_advisory_unlock(${EMBEDDED_CHAIN_LOCK.toString()}::bigint)`.catch(() => {});
    held.release();
  };
}

/** Whether some process on this database holds the embedded chain now (for `potluck doctor`). */
export async function embeddedChainHolder(sql: Sql): Promise<{ pid: number; application: string } | null> {
  const [row] = await sql<{ pid: number; application: string }[]>`
    select l.pid, coalesce(a.application_name, '') as application
      from pg_locks l left join pg_stat_activity a on a.pid = l.pid
     where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
       and l.objsubid = 1 and ((l.classid::bigint << 32) | l.objid::bigint) = ${EMBEDDED_CHAIN_LOCK.toString()}::bigint`;
  return row ?? null;
}

export function embeddedChainTaken(): AppError {
  return new AppError(
    'BAD_CONFIG',
    'Another process on this DATABASE_URL already runs the embedded chain, and a second one would ' +
      'replay the outbox onto a chain of its own. Give every process one chain: run `potluck chain` ' +
      '(or a real node) once and set CHAIN_RPC_URL, CHAIN_PRIVATE_KEY and the CHAIN_*_ADDRESS ' +
      'variables on all of them; or stop the other process.',
    { field: 'CHAIN_RPC_URL' },
  );
}
