import fs from 'node:fs';
import path from 'node:path';
import { failedOutboxRows, outboxExists, unconfirmedOutbox } from '../chain/chainStore.ts';
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
  if (!(await outboxExists(sql)))
    return { name, ready: true, detail: 'no outbox yet (potluck start creates it)' };
  const { rows, total } = await failedOutboxRows(sql, 3);
  const pending = await unconfirmedOutbox(sql);
  if (rows.length === 0) {
    return { name, ready: true, detail: `no failed chain writes; ${pending.count} pending` };
  }
  const listed = rows.map((r) => `#${r.id} ${r.kind}: ${r.why ?? 'no reason recorded'}`).join('; ');
  return {
    name,
    ready: false,
    detail: `${total} chain write(s) failed for good and will not be sent (newest: ${listed}); ${pending.count} pending`,
    fix: "each is logged as 'outbox row failed for good' with its reason; later writes were sent. Report it: it is a bug or a contract refusal",
  };
}
