import type { Config } from '../config.ts';

/**
 * Background processors for horizontally scaled deployments. Without REDIS_URL, jobs run inside
 * `potluck start` and there is nothing for a separate worker to do. The job queue itself (BullMQ
 * processors for training and chain anchoring) arrives with the training issue.
 */
export async function runWorker(config: Config): Promise<number> {
  if (!config.redisUrl) {
    process.stderr.write(
      'potluck worker needs REDIS_URL: without it, jobs run inside `potluck start` on the embedded queue.\n',
    );
    return 2;
  }
  process.stderr.write('potluck worker: no job processors are registered in this version yet.\n');
  return 2;
}
