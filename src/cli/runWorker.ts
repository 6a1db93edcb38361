import { jobDefinitions } from '../../jobs/jobDefinitions.ts';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';

/**
 * Runs the job processors (training builds, receipt anchoring, reservation refunds, epoch
 * settlement; with CHAIN_RPC_URL also the chain outbox and vault event sync) against BullMQ on
 * Redis, on any number of machines beside `potluck start`. Stops gracefully on SIGINT/SIGTERM: no
 * new jobs, a running build stops at its next checkpoint and is resumed by another worker. Without
 * REDIS_URL jobs run inside `potluck start` and there is nothing to do here.
 */
export async function runWorker(config: Config): Promise<number> {
  if (!config.redisUrl) {
    process.stderr.write(
      'potluck worker needs REDIS_URL: without it, jobs run inside `potluck start` on the embedded queue.\n',
    );
    return 2;
  }
  if (!config.databaseUrl) {
    process.stderr.write(
      'potluck worker needs DATABASE_URL: the embedded database belongs to the `potluck start` process alone.\n',
    );
    return 2;
  }
  // Jobs write the chain through the outbox (rows in the database), which `potluck start` sends; a
  // worker joins the chain only when the cluster shares one (CHAIN_RPC_URL), never starts its own.
  const app = await createApp(
    { ...config, jobs: { ...config.jobs, inStart: true } },
    config.chain.rpcUrl ? { jobDefinitions } : { jobDefinitions, chain: false },
  );
  process.stdout.write(
    `potluck worker: processing jobs from ${config.jobs.queuePrefix} with concurrency ${config.jobs.concurrency}; chain ${config.chain.rpcUrl ? 'over CHAIN_RPC_URL' : "off (the embedded chain is `potluck start`'s)"}.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  process.stdout.write('potluck worker: stopping after running jobs reach a checkpoint...\n');
  await app.close({ deadlineMs: config.operations.shutdownDeadlineMs });
  process.stdout.write('potluck worker: stopped.\n');
  return 0;
}
