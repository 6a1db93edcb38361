import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig, loadTestServices } from '../src/config.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { AppError } from '../src/errors.ts';
import { createLogger } from '../src/shared/createLogger.ts';
import { createTestApp, type TestApp, testJobDefinitions } from './support/createTestApp.ts';

const { databaseUrl } = loadTestServices();

/** A second process's app on the same PostgreSQL database, as `potluck start` elsewhere would open it. */
async function secondApp(t: TestApp, options: { chain?: false } = {}) {
  const config = loadConfig({
    POTLUCK_DATA_DIR: t.dataDir,
    LOG_LEVEL: 'silent',
    DATABASE_URL: t.databaseUrl,
  });
  const database = await openDatabase({ databaseUrl: t.databaseUrl });
  return createApp(config, {
    jobDefinitions: testJobDefinitions,
    database,
    log: createLogger('silent'),
    ...options,
  });
}

// Two embedded chains on one database would each get the outbox replayed onto them: one must refuse.
describe.runIf(databaseUrl)('one embedded chain per PostgreSQL database (TEST_DATABASE_URL)', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.cleanup();
  });

  it('refuses a second embedded chain while the first lives, naming CHAIN_RPC_URL; frees it on close', async () => {
    t = await createTestApp();
    expect(t.app.deps.chain?.kind).toBe('embedded');

    const refused = await secondApp(t).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('BAD_CONFIG');
    expect((refused as AppError).message).toMatch(/already runs the embedded chain/);
    expect((refused as AppError).message).toMatch(/CHAIN_RPC_URL/);
    expect((refused as AppError).message).toMatch(/potluck chain/);

    // A process without a chain of its own (a worker) shares the database freely.
    const worker = await secondApp(t, { chain: false });
    expect(worker.deps.chain).toBeUndefined();
    await worker.close();

    // Closing the first releases the lock: the next start gets the chain (and replays the outbox).
    await t.app.close();
    const next = await secondApp(t);
    expect(next.deps.chain?.kind).toBe('embedded');
    const again = await secondApp(t).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('BAD_CONFIG');
    await next.close();
  }, 120_000);
});
