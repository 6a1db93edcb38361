import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTestServices } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { ArtifactStore } from '../src/ml/artifactStore.ts';
import { PostgresArtifactBackend } from '../src/ml/postgresArtifactBackend.ts';
import { createTestDatabase } from '../test/support/createTestApp.ts';

/**
 * The artifact store: a 32 MiB blob written to the folder alone (ARTIFACT_STORE=filesystem) and to
 * the folder plus PostgreSQL, then loaded by a second "machine" (an empty folder) from PostgreSQL:
 * streamed chunk by chunk, hash-checked, written into its folder. On PGlite without TEST_DATABASE_URL.
 */
const emit = (metric: string, value: number, unit: string) =>
  process.stdout.write(
    `${JSON.stringify({ bench: 'artifacts', metric, value: Number(value.toFixed(3)), unit })}\n`,
  );
const MIB = 1024 * 1024;
const SIZE = 32 * MIB;

const db = await createTestDatabase();
const database = await openDatabase({ databaseUrl: db.databaseUrl });
const dirs: string[] = [];
const folder = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-bench-artifacts-'));
  dirs.push(d);
  return d;
};
try {
  await migrate(database.sql);
  const backend = loadTestServices().databaseUrl ? 'postgres' : 'pglite';
  const bytes = randomBytes(SIZE);
  const time = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return (performance.now() - t0) / 1000;
  };
  const local = await time(() => new ArtifactStore(folder()).putBlob(bytes));
  emit('filesystem_write_mib_per_s', SIZE / MIB / local, 'MiB/s');
  const shared = new PostgresArtifactBackend(database.sql);
  let ref = { sha256: '', bytes: 0 };
  const write = await time(async () => {
    ref = await new ArtifactStore(folder(), shared).putBlob(bytes);
  });
  emit(`${backend}_write_mib_per_s`, SIZE / MIB / write, 'MiB/s');
  const other = new ArtifactStore(folder(), shared);
  const load = await time(() => other.readBlob(ref));
  emit(`${backend}_load_into_other_folder_mib_per_s`, SIZE / MIB / load, 'MiB/s');
  const again = await time(() => other.readBlob(ref));
  emit('cached_load_mib_per_s', SIZE / MIB / again, 'MiB/s');
} finally {
  await database.close();
  await db.dropDatabase();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}
