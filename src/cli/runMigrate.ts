import path from 'node:path';
import type { Config } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/openDatabase.ts';

export async function runMigrate(config: Config): Promise<number> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: path.join(config.dataDir, 'pgdata'),
    maxConnections: 1,
  });
  try {
    const { applied, alreadyApplied } = await migrate(db.sql);
    process.stdout.write(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${db.location}: ${applied.join(', ')}\n`
        : `Database ${db.location} is up to date (${alreadyApplied} migrations).\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
