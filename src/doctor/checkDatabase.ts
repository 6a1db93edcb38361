import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { Config } from '../config.ts';
import { lockHolder } from '../db/acquireDataDirLock.ts';
import { openDatabase, redactUrl } from '../db/openDatabase.ts';
import { type DoctorCheck, reason, TIMEOUT_MS } from './doctorCheck.ts';

export async function checkDatabase(config: Config): Promise<DoctorCheck> {
  const name = 'database';
  if (config.databaseUrl) {
    const where = redactUrl(config.databaseUrl);
    const sql = postgres(config.databaseUrl, {
      max: 1,
      connect_timeout: TIMEOUT_MS / 1000,
      onnotice: () => {},
    });
    try {
      const [row] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
      return { name, ready: true, detail: `PostgreSQL ${row.version} at ${where}: ${await migrations(sql)}` };
    } catch (error) {
      return {
        name,
        ready: false,
        detail: `cannot use ${where}: ${reason(error)}`,
        fix: 'start PostgreSQL and check DATABASE_URL (user, password, host, port, database)',
      };
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
  const pgdata = path.join(config.dataDir, 'pgdata');
  if (!fs.existsSync(pgdata)) {
    return {
      name,
      ready: true,
      detail: `embedded PGlite: no database yet at ${pgdata}; potluck start creates it`,
    };
  }
  const holder = lockHolder(path.join(pgdata, 'potluck.lock'));
  if (holder !== null) {
    return {
      name,
      ready: false,
      detail: `embedded PGlite at ${pgdata} is in use by process ${holder} (a running potluck); not opened`,
      fix: 'only one process can use the embedded database: stop that one first, or set DATABASE_URL to share PostgreSQL',
    };
  }
  try {
    const db = await openDatabase({ pgliteDataDir: pgdata });
    try {
      return { name, ready: true, detail: `embedded PGlite at ${pgdata}: ${await migrations(db.sql)}` };
    } finally {
      await db.close();
    }
  } catch (error) {
    return {
      name,
      ready: false,
      detail: `embedded PGlite at ${pgdata} did not open: ${reason(error)}`,
      fix: 'move the folder aside (it holds your data: keep it) or point POTLUCK_DATA_DIR elsewhere',
    };
  }
}

/** `select 1`, then how far the schema is migrated (start applies what is missing, so either is ready). */
async function migrations(sql: postgres.Sql): Promise<string> {
  await sql`select 1`;
  const [table] = await sql<{ ok: boolean }[]>`select to_regclass('schema_migrations') is not null as ok`;
  if (!table.ok) return 'select 1 ok; no migrations yet (potluck start applies them)';
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from schema_migrations`;
  return `select 1 ok; ${row.n} migrations applied (potluck start applies any new ones)`;
}
