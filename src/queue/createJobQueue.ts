import type { Config } from '../config.ts';
import type { Logger } from '../shared/createLogger.ts';
import { InProcessQueue } from './inProcessQueue.ts';
import type { JobRunner, QueueSettings } from './jobRunner.ts';

/**
 * BullMQ when REDIS_URL is set, the in-process dispatcher otherwise. BullMQ (with ioredis, ~300
 * modules) is imported only when it is used, so an embedded start does not load it.
 */
export async function createJobQueue(
  config: Config,
  log: Logger,
  options: { consume: boolean; onJobFinished?: QueueSettings['onJobFinished'] },
): Promise<JobRunner> {
  const settings = {
    onJobFinished: options.onJobFinished,
    concurrency: config.jobs.concurrency,
    attempts: config.jobs.attempts,
    backoffMs: config.jobs.backoffMs,
  };
  if (!config.redisUrl) return new InProcessQueue({ ...settings, log });
  const { BullmqQueue } = await import('./bullmqQueue.ts');
  return new BullmqQueue({
    ...settings,
    redisUrl: config.redisUrl,
    prefix: config.jobs.queuePrefix,
    lockMs: config.jobs.lockMs,
    consume: options.consume,
    log,
  });
}
