import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimEmbeddedChain } from '../src/chain/claimEmbeddedChain.ts';
import { embeddedPrivateKey } from '../src/chain/startEmbeddedChain.ts';
import { runDoctor } from '../src/cli/runDoctor.ts';
import { loadTestServices } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { createTestDatabase } from './support/createTestApp.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-doctor-cluster-'));
  dirs.push(dir);
  return dir;
};
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The doctor's line for one check (and its "→" line), from a run on `env`. */
async function line(env: Record<string, string>, name: string): Promise<string> {
  let out = '';
  await runDoctor({ env, write: (text) => (out += text) });
  const m = new RegExp(`^ {2}(ready|NOT READY) +${name} .*(\\n {20,}→ .*)?`, 'm').exec(out);
  if (!m) throw new Error(`no "${name}" line in:\n${out}`);
  return m[0];
}

const { databaseUrl } = loadTestServices();

describe('potluck doctor on a cluster configuration', () => {
  it('artifacts: names the backend, and refuses postgres without a PostgreSQL database', async () => {
    const dir = tempDir();
    expect(await line({ POTLUCK_DATA_DIR: dir }, 'artifacts')).toMatch(
      /^ {2}ready +artifacts +filesystem at /,
    );
    expect(await line({ POTLUCK_DATA_DIR: dir, REDIS_URL: 'redis://127.0.0.1:1' }, 'artifacts')).toMatch(
      /other machines cannot serve .*ARTIFACT_STORE=postgres/,
    );
    const refused = await line({ POTLUCK_DATA_DIR: dir, ARTIFACT_STORE: 'postgres' }, 'artifacts');
    expect(refused).toMatch(/NOT READY +artifacts +ARTIFACT_STORE=postgres without DATABASE_URL/);
    expect(refused).toMatch(/→ set DATABASE_URL/);
    // No shared database: nothing to say about the chain's writer.
    await expect(line({ POTLUCK_DATA_DIR: dir }, 'chain writer')).rejects.toThrow(/no "chain writer" line/);
  }, 60_000);

  it.runIf(databaseUrl)(
    'PostgreSQL: artifact tables and the embedded chain writer (TEST_DATABASE_URL)',
    async () => {
      const db = await createTestDatabase();
      cleanups.push(db.dropDatabase);
      const env = { POTLUCK_DATA_DIR: tempDir(), DATABASE_URL: db.databaseUrl!, ARTIFACT_STORE: 'postgres' };
      expect(await line(env, 'artifacts')).toMatch(
        /NOT READY +artifacts +.*tables are missing[\s\S]*potluck migrate/,
      );

      const database = await openDatabase({ databaseUrl: db.databaseUrl });
      cleanups.push(() => database.close());
      await migrate(database.sql);
      expect(await line(env, 'artifacts')).toMatch(/ready +artifacts +PostgreSQL: 0 artifact\(s\), 0 bytes/);

      expect(await line(env, 'chain writer')).toMatch(/ready +chain writer +the embedded chain is free/);
      const release = await claimEmbeddedChain(database.sql);
      try {
        expect(await line(env, 'chain writer')).toMatch(
          /the embedded chain is run by database session \d+ .*any other process that starts one on this database is refused/,
        );
      } finally {
        await release();
      }
      const shared = {
        ...env,
        CHAIN_RPC_URL: 'http://127.0.0.1:1',
        CHAIN_PRIVATE_KEY: embeddedPrivateKey(0),
      };
      expect(await line(shared, 'chain writer')).toMatch(
        /ready +chain writer +CHAIN_RPC_URL: every process shares/,
      );
    },
    60_000,
  );
});
