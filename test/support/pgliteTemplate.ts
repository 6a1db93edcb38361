import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/openDatabase.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));
const pglitePackage = fileURLToPath(
  new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url),
);

let cached: Promise<Blob> | undefined;

/**
 * A PGlite data folder with every migration applied, dumped once and kept in the temp folder under
 * a name that hashes the PGlite version and the migrations: a fresh PGlite spends seconds of wasm in
 * initdb, which made database creation the largest share of the embedded suite. Each database
 * opened from it is still its own copy, and createApp still runs `migrate` (finding nothing to do).
 */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= loadOrBuild();
  return cached;
}

async function loadOrBuild(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `potluck-pglite-template-${templateKey()}.tar`);
  if (!fs.existsSync(file)) await build(file);
  return new Blob([fs.readFileSync(file)]);
}

function templateKey(): string {
  const hash = createHash('sha256').update(fs.readFileSync(pglitePackage));
  for (const name of fs.readdirSync(migrationsDir).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(file: string): Promise<void> {
  // Migrated through openDatabase as the app does, then dumped from the closed folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-pglite-template-'));
  try {
    const database = await openDatabase({ pgliteDataDir: dir });
    try {
      await migrate(database.sql);
    } finally {
      await database.close();
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(dir);
    const dump = await db.dumpDataDir('none');
    await db.close();
    // Written aside and renamed: two workers building at once each leave a whole file.
    const partial = `${file}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
