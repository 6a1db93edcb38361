import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'bots/**/*.test.ts',
      'mcp/**/*.test.ts',
      'jobs/**/*.test.ts',
      'contracts/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite uses ~0.7 GB per instance; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    pool: 'forks',
  },
});
