import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { jobDefinitions, jobsWithoutChainClock } from '../../jobs/jobDefinitions.ts';
import { type App, type CreateAppOptions, createApp } from '../../src/app.ts';
import { loadConfig, loadTestServices } from '../../src/config.ts';
import { openDatabase } from '../../src/db/openDatabase.ts';
import { createLogger } from '../../src/shared/createLogger.ts';
import { pgliteTemplate } from './pgliteTemplate.ts';
import { testQueuePrefix } from './testQueuePrefix.ts';

/**
 * The service's jobs without the chain clock: tests drive the outbox, vault sync and settlement by
 * hand, so a tick landing mid-test never changes what they see.
 */
export const testJobDefinitions = jobsWithoutChainClock;

export interface TestApp {
  app: App;
  dataDir: string;
  /** The PostgreSQL database this app uses (TEST_DATABASE_URL runs), for other processes to join. */
  databaseUrl?: string;
  /**
   * Closes the app and opens a fresh one on the same database (needs `persistent` on PGlite), as a
   * process restart would: `app` is replaced.
   */
  restart(): Promise<App>;
  /** Closes the app and removes the database (PostgreSQL) or folder it used. */
  cleanup(): Promise<void>;
}

/**
 * A fresh app on its own database: an in-memory PGlite by default, or a new database on the
 * server named by TEST_DATABASE_URL (dropped again by `cleanup`); its jobs on BullMQ under a fresh
 * queue prefix when TEST_REDIS_URL is set (keys deleted by `cleanup`).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Pick<CreateAppOptions, 'now' | 'chain' | 'log'> & {
    maxConnections?: number;
    /** PGlite in a folder (not in memory), so `restart` finds the data again. */
    persistent?: boolean;
    /** Also run the chain clock (outbox pass, vault sync, epoch settlement) as `potluck start` does. */
    chainClock?: boolean;
  } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-test-'));
  // With TEST_REDIS_URL every suite runs its jobs on BullMQ, under a queue prefix of its own.
  const { redisUrl } = loadTestServices();
  const queue = redisUrl && env.REDIS_URL === undefined ? testQueuePrefix(redisUrl) : null;
  const config = loadConfig({
    POTLUCK_DATA_DIR: dataDir,
    DEV_FAUCET_ENABLED: 'true',
    LOG_LEVEL: 'silent',
    ...(queue ? { REDIS_URL: redisUrl, QUEUE_PREFIX: queue.prefix } : {}),
    ...env,
  });
  const { databaseUrl, dropDatabase } = await createTestDatabase();
  // A migrated copy instead of initdb on every PGlite (a restart reopens the folder it left).
  const template = databaseUrl ? undefined : await pgliteTemplate();
  const start = async () => {
    const database = await openDatabase({
      databaseUrl,
      pgliteDataDir: options.persistent ? path.join(dataDir, 'pgdata') : 'memory://',
      pgliteTemplate: template,
      maxConnections: options.maxConnections,
    });
    return createApp(config, {
      jobDefinitions: options.chainClock ? jobDefinitions : testJobDefinitions,
      database,
      log: options.log ?? createLogger(config.logLevel),
      now: options.now,
      chain: options.chain,
    });
  };
  let first: App;
  try {
    first = await start();
  } catch (error) {
    // A refused start (bad config under test) must not leave a database or folder behind.
    await dropDatabase();
    await queue?.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const t: TestApp = {
    app: first,
    dataDir,
    databaseUrl,
    async restart() {
      if (!databaseUrl && !options.persistent) throw new Error('restart needs persistent: true on PGlite');
      await t.app.close();
      t.app = await start();
      return t.app;
    },
    async cleanup() {
      await t.app.close();
      await dropDatabase();
      await queue?.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
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
