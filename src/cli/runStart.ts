import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { startHttpServer } from '../http/startHttpServer.ts';

/**
 * Runs the service until SIGINT/SIGTERM, then closes everything in order (HTTP, then the app
 * with its database) and exits 0, so a supervisor's stop never loses committed work.
 */
export async function runStart(config: Config): Promise<number> {
  const started = Date.now();
  const app = await createApp(config);
  const http = await startHttpServer(app, config.http);
  const lines = [
    'Potluck is running.',
    `  database  ${app.database.kind === 'pglite' ? `embedded PGlite at ${app.database.location}` : `PostgreSQL ${app.database.location}`}`,
    `  jobs      ${config.redisUrl ? 'BullMQ on Redis' : 'in-process'}`,
    `  http      ${http.url} (GET /health)`,
    `  faucet    ${config.faucet.enabled ? 'on (DEV_FAUCET_ENABLED)' : 'off'}`,
    `Ready in ${Date.now() - started} ms. Press Ctrl+C to stop.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`Received ${signal}, shutting down...\n`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await http.close();
  await app.close();
  process.stdout.write('Stopped cleanly.\n');
  return 0;
}
