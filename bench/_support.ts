import { loadTestServices } from '../src/config.ts';
import type { TestApp } from '../test/support/createTestApp.ts';
import { createTestApp } from '../test/support/createTestApp.ts';

export function emit(bench: string, metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench, metric, value: Number(value.toFixed(3)), unit })}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The backends to measure: PGlite always, PostgreSQL when TEST_DATABASE_URL names a server. */
export function backends(): ('pglite' | 'postgres')[] {
  return loadTestServices().databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
}

/** An app on a fresh database of the given backend (the test harness's, so it cleans up the same way). */
export async function benchApp(
  backend: 'pglite' | 'postgres',
  env: Record<string, string>,
  maxConnections = 10,
): Promise<TestApp> {
  if (backend === 'pglite') {
    const saved = process.env.TEST_DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    try {
      return await createTestApp(env);
    } finally {
      if (saved !== undefined) process.env.TEST_DATABASE_URL = saved;
    }
  }
  return createTestApp(env, { maxConnections });
}
