import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/createTestApp.ts';
import { migrate } from './migrate.ts';
import { type Database, openDatabase } from './openDatabase.ts';

const opened: Database[] = [];
let drop = async () => {};
afterAll(async () => {
  for (const db of opened) await db.close();
  await drop();
});

describe('migrate', () => {
  it('applies every migration once, even when two processes start at the same time', async () => {
    const target = await createTestDatabase();
    drop = target.dropDatabase;
    const a = await openDatabase({ databaseUrl: target.databaseUrl, pgliteDataDir: 'memory://' });
    opened.push(a);
    // Two pools on one server race for real; PGlite is one process, so the second pool is the same database.
    const b = target.databaseUrl ? await openDatabase({ databaseUrl: target.databaseUrl }) : a;
    if (b !== a) opened.push(b);
    const [first, second] = await Promise.all([migrate(a.sql), migrate(b.sql)]);
    const applied = [...first.applied, ...second.applied];
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length);
    const again = await migrate(a.sql);
    expect(again.applied).toEqual([]);
    const rows = await a.sql`select version from schema_migrations order by version`;
    expect(rows.length).toBe(again.alreadyApplied);
  });
});
