import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { AppError } from '../errors.ts';
import { acquireDataDirLock } from './acquireDataDirLock.ts';

export type Sql = postgres.Sql;
/** A connection or an open transaction: use cases accept either so they compose inside one transaction. */
export type Db = postgres.Sql | postgres.TransactionSql;

export interface Database {
  sql: Sql;
  /** 'postgres' for a server from DATABASE_URL, 'pglite' for the embedded one. */
  kind: 'postgres' | 'pglite';
  /** Where it is: a redacted URL, or the PGlite data folder. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** PGlite data folder; `memory://` for a throwaway database (tests). */
  pgliteDataDir?: string;
  /** Pool size for PostgreSQL; PGlite is always one connection. */
  maxConnections?: number;
  /**
   * A PGlite data folder dumped with `dumpDataDir` to start from when the folder holds no database
   * yet, instead of running initdb (seconds of wasm per database; tests start from a migrated copy).
   */
  pgliteTemplate?: Blob;
}

const noNotices = () => {};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: noNotices,
      connection: { application_name: 'potluck' },
    });
    try {
      await sql`select 1`;
    } catch (error) {
      await sql.end({ timeout: 1 });
      throw new AppError(
        'UNAVAILABLE',
        `Cannot reach the database at ${redactUrl(options.databaseUrl)}.`,
        {},
        {
          cause: error,
        },
      );
    }
    return {
      sql,
      kind: 'postgres',
      location: redactUrl(options.databaseUrl),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  return openPglite(options.pgliteDataDir ?? 'memory://', options.pgliteTemplate);
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  // Loaded lazily: a PostgreSQL deployment never pays for the wasm build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const inMemory = dataDir.startsWith('memory://');
  let releaseLock = async () => {};
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(path.join(dataDir, 'potluck.lock'));
  }
  try {
    const empty = inMemory || !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    const db = await PGlite.create(inMemory ? 'memory://' : dataDir, {
      loadDataDir: empty ? template : undefined,
    });
    // A unix socket needs no free port and is reachable only from this machine.
    const socketPath = path.join(
      os.tmpdir(),
      `potluck-${process.pid}-${randomBytes(4).toString('hex')}.sock`,
    );
    // Exactly one connection: PGlite is single-session, and interleaved protocol messages from
    // several connections return wrong rows (see shared/NOTES.md).
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
    await server.start();
    const sql = postgres({ path: socketPath, max: 1, onnotice: noNotices });
    return {
      sql,
      kind: 'pglite',
      location: inMemory ? 'memory' : dataDir,
      async close() {
        await sql.end({ timeout: 5 });
        await server.stop();
        await db.close();
        fs.rmSync(socketPath, { force: true });
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable url)';
  }
}
