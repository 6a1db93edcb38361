import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { type App, type CreateAppOptions, createApp } from '../../src/app.ts';
import { loadConfig, loadTestServices } from '../../src/config.ts';
import { openDatabase } from '../../src/db/openDatabase.ts';
import { createLogger } from '../../src/shared/createLogger.ts';

export interface TestApp {
  app: App;
  dataDir: string;
  /** Closes the app and removes the database (PostgreSQL) or folder it used. */
  cleanup(): Promise<void>;
}

/**
 * A fresh app on its own database: an in-memory PGlite by default, or a new database on the
 * server named by TEST_DATABASE_URL (dropped again by `cleanup`).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Pick<CreateAppOptions, 'now'> & { maxConnections?: number } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-test-'));
  const config = loadConfig({
    POTLUCK_DATA_DIR: dataDir,
    DEV_FAUCET_ENABLED: 'true',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const { databaseUrl, dropDatabase } = await createTestDatabase();
  const database = await openDatabase({
    databaseUrl,
    pgliteDataDir: 'memory://',
    maxConnections: options.maxConnections,
  });
  const app = await createApp(config, { database, log: createLogger(config.logLevel), now: options.now });
  return {
    app,
    dataDir,
    async cleanup() {
      await app.close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new empty database on the test server, or nothing (PGlite) when none is configured. */
export async function createTestDatabase(): Promise<{
  databaseUrl?: string;
  dropDatabase: () => Promise<void>;
}> {
  const { databaseUrl: serverUrl } = loadTestServices();
  if (!serverUrl) return { databaseUrl: undefined, dropDatabase: async () => {} };
  const name = `potluck_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async dropDatabase() {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
