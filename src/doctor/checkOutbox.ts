import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { lockHolder } from '../db/acquireDataDirLock.ts';
import { openDatabase, type Sql } from '../db/openDatabase.ts';
import { type DoctorCheck, reason } from './doctorCheck.ts';

const name = 'chain outbox';

/**
 * Chain writes set aside for good (a call that cannot be encoded, a contract that refuses it): the
 * worker sends the rows behind them, so nothing else shows that these never reached the chain.
 */
export async function checkOutbox(config: Config): Promise<DoctorCheck> {
  const pgdata = path.join(config.dataDir, 'pgdata');
  if (!config.databaseUrl) {
    if (!fs.existsSync(pgdata)) return { name, ready: true, detail: 'no database yet' };
    const holder = lockHolder(path.join(pgdata, 'potluck.lock'));
    // The database line already says who holds it; the running service logs each failed row.
    if (holder !== null)
      return { name, ready: true, detail: `not read: the database is in use by process ${holder}` };
  }
  try {
    const db = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDataDir: pgdata,
      maxConnections: 1,
    });
    try {
      return await failedRows(db.sql);
    } finally {
      await db.close();
    }
  } catch (error) {
    // The database check reports why it cannot be opened; this one only says it could not look.
    return { name, ready: true, detail: `not read: ${reason(error)}` };
  }
}

async function failedRows(sql: Sql): Promise<DoctorCheck> {
  const [table] = await sql<{ ok: boolean }[]>`select to_regclass('chain_outbox') is not null as ok`;
  if (!table.ok) return { name, ready: true, detail: 'no outbox yet (potluck start creates it)' };
  const rows = await sql<{ id: string; kind: string; why: string | null; n: number }[]>`
    select id, kind, last_error as why, count(*) over ()::int as n from chain_outbox
    where status = 'failed' order by id desc limit 3`;
  const [pending] = await sql<{ n: number }[]>`
    select count(*)::int as n from chain_outbox where status in ('pending', 'submitted')`;
  if (rows.length === 0) {
    return { name, ready: true, detail: `no failed chain writes; ${pending.n} pending` };
  }
  const listed = rows.map((r) => `#${r.id} ${r.kind}: ${r.why ?? 'no reason recorded'}`).join('; ');
  return {
    name,
    ready: false,
    detail: `${rows[0].n} chain write(s) failed for good and will not be sent (newest: ${listed}); ${pending.n} pending`,
    fix: "each is logged as 'outbox row failed for good' with its reason; later writes were sent. Report it: it is a bug or a contract refusal",
  };
}
