import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sql } from './openDatabase.ts';

const defaultMigrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK = 7_405_310_842;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending `NNNN_name.sql` files in order, all in one transaction, recording them in
 * `schema_migrations`. A session advisory lock makes concurrent runs (two processes booting at
 * once) take turns; the second finds nothing left to do.
 */
export async function migrate(sql: Sql, dir = defaultMigrationsDir): Promise<MigrationResult> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  return sql.begin(async (tx) => {
    // Transaction-scoped so the lock is released even if a migration fails.
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create table if not exists schema_migrations (
      version text primary key, name text not null, applied_at timestamptz not null default now())`;
    const done = new Set(
      (await tx<{ version: string }[]>`select version from schema_migrations`).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const file of files) {
      const version = file.slice(0, 4);
      if (done.has(version)) continue;
      await tx.unsafe(fs.readFileSync(path.join(dir, file), 'utf8'));
      await tx`insert into schema_migrations (version, name) values (${version}, ${file})`;
      applied.push(file);
    }
    return { applied, alreadyApplied: done.size };
  });
}
