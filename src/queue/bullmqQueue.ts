import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { redactUrl } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../shared/createLogger.ts';
import type { Deps } from '../shared/deps.ts';
import { currentRequestContext, withRequestContext } from '../shared/requestContext.ts';
import { isPermanentFailure } from './isPermanentFailure.ts';
import type { AnyJobDefinition } from './jobDefinition.ts';
import { type EnqueueOptions, type JobName, type JobPayloads, RetryLaterError } from './jobQueue.ts';
import type { JobRunner, QueueSettings } from './jobRunner.ts';

export const QUEUE_NAME = 'jobs';
/** Jobs that need the chain (`needsChain`): consumed only by processes that hold one. */
export const CHAIN_QUEUE_NAME = 'chain';
const READY_TIMEOUT_MS = 10_000;
const REQUEST_ID = '_requestId';

export interface BullmqSettings extends QueueSettings {
  redisUrl: string;
  /** Redis key prefix: one per deployment (and per test). */
  prefix: string;
  /** A worker silent this long has its job handed to another (lock duration and stall check). */
  lockMs: number;
  /** Whether this process runs processors (`potluck worker`, or `potluck start` with JOBS_IN_START). */
  consume: boolean;
  log: Logger;
}

/**
 * BullMQ on Redis: producers anywhere, workers on any number of machines. Retries back off
 * exponentially; permanent failures skip the retries (UnrecoverableError); a killed worker's job
 * is found stalled once its lock lapses and runs again elsewhere.
 */
export class BullmqQueue implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly queue: Queue;
  private chainQueue?: Queue;
  /** Names of the jobs that go to the chain queue. */
  private readonly chainJobs = new Set<string>();
  private readonly workers: Worker[] = [];
  private readonly abort = new AbortController();
  private readonly connection: { url: string; maxRetriesPerRequest: null };

  constructor(private readonly settings: BullmqSettings) {
    this.connection = { url: settings.redisUrl, maxRetriesPerRequest: null };
    this.queue = this.openQueue(QUEUE_NAME);
  }

  private openQueue(name: string): Queue {
    const queue = new Queue(name, {
      // Producers fail fast while Redis is away instead of holding a request open; workers wait.
      connection: { url: this.settings.redisUrl, enableOfflineQueue: false },
      prefix: this.settings.prefix,
      defaultJobOptions: {
        attempts: this.settings.attempts,
        backoff: { type: 'exponential', delay: this.settings.backoffMs },
        // Finished jobs are history for operators, not state: the run tables are the record.
        removeOnComplete: { age: 86_400, count: 1000 },
        removeOnFail: { age: 7 * 86_400, count: 10_000 },
      },
    });
    queue.on('error', (error) => this.settings.log.error('job queue error', { error }));
    return queue;
  }

  private queueFor(name: string): Queue {
    if (!this.chainJobs.has(name)) return this.queue;
    this.chainQueue ??= this.openQueue(CHAIN_QUEUE_NAME);
    return this.chainQueue;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    // The enqueuing request's id rides along, so the worker's log lines join that request's.
    const requestId = currentRequestContext()?.requestId;
    const data = requestId ? { ...payload, [REQUEST_ID]: requestId } : payload;
    await this.queueFor(name).add(name, data, { jobId: options.jobId, delay: options.delayMs });
  }

  async start(
    deps: Deps,
    definitions: readonly AnyJobDefinition[],
    options: { exclusive: boolean },
  ): Promise<void> {
    await withTimeout(this.queue.waitUntilReady(), READY_TIMEOUT_MS, () => {
      throw new AppError('UNAVAILABLE', `Cannot reach Redis at ${redactUrl(this.settings.redisUrl)}.`);
    });
    for (const d of definitions) if (d.needsChain) this.chainJobs.add(d.name);
    await this.recover(deps, definitions, options);
    const byName = new Map(definitions.map((d) => [d.name, d]));
    if (this.settings.consume) {
      const general = definitions.filter((d) => !d.needsChain);
      await this.consume(deps, QUEUE_NAME, byName, general);
    }
    // The chain's jobs run where the chain is, whatever JOBS_IN_START says: `potluck start` holding
    // the embedded chain, or any process on a shared CHAIN_RPC_URL (one of them takes each tick).
    const chained = definitions.filter((d) => d.needsChain);
    if (deps.chain && chained.length > 0) {
      this.chainQueue ??= this.openQueue(CHAIN_QUEUE_NAME);
      await withTimeout(this.chainQueue.waitUntilReady(), READY_TIMEOUT_MS, () => {
        throw new AppError('UNAVAILABLE', `Cannot reach Redis at ${redactUrl(this.settings.redisUrl)}.`);
      });
      await this.consume(deps, CHAIN_QUEUE_NAME, byName, chained);
    }
  }

  /**
   * Starts a worker on queue `name` and (re)registers the schedules of the repeating `definitions`:
   * one job scheduler per job name in Redis, so a tick is one job however many processes register it.
   */
  private async consume(
    deps: Deps,
    name: string,
    byName: Map<string, AnyJobDefinition>,
    definitions: readonly AnyJobDefinition[],
  ): Promise<void> {
    const { log, lockMs, concurrency, attempts } = this.settings;
    const worker = new Worker(name, (job, token) => this.process(deps, byName, job, token), {
      connection: this.connection,
      prefix: this.settings.prefix,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // A crash is not the job's fault: let it be picked up again as often as it may be retried.
      maxStalledCount: attempts,
    });
    this.workers.push(worker);
    worker.on('error', (error) => log.error('job worker error', { error }));
    worker.on('failed', (job, error) => {
      // finishedOn is set only when no retry follows.
      if (!job?.finishedOn) return;
      log.error('job failed for good', { job: job.name, jobId: job.id, attempts: job.attemptsMade, error });
      const definition = byName.get(job.name);
      const { [REQUEST_ID]: _, ...data } = (job.data ?? {}) as Record<string, unknown>;
      const parsed = definition?.schema.safeParse(data);
      if (definition?.onFailed && parsed?.success) {
        definition.onFailed(deps, parsed.data, error).catch((e) => log.error('onFailed threw', { error: e }));
      }
    });
    for (const d of definitions) {
      const every = d.everyMs?.(deps.config);
      if (!every) continue;
      // offset > 0 puts the ticks on multiples of `every` (plus 1 ms) since the Unix epoch.
      const repeat = d.alignToClock ? { every, offset: 1 } : { every };
      const opts = d.attempts ? { attempts: d.attempts } : undefined;
      await this.queueFor(d.name).upsertJobScheduler(`every-${d.name}`, repeat, {
        name: d.name,
        data: {},
        opts,
      });
    }
    await worker.waitUntilReady();
  }

  async depth(): Promise<Record<string, number>> {
    const states = ['waiting', 'active', 'delayed', 'failed'] as const;
    const counts = await this.queue.getJobCounts(...states);
    if (!this.chainQueue) return counts;
    const chain = await this.chainQueue.getJobCounts(...states);
    return Object.fromEntries(states.map((s) => [s, (counts[s] ?? 0) + (chain[s] ?? 0)]));
  }

  async close(): Promise<void> {
    this.abort.abort();
    for (const worker of this.workers) await worker.close();
    await this.queue.close();
    await this.chainQueue?.close();
  }

  /**
   * Jobs for unfinished runs. A job id that is still waiting, delayed or active is left alone; one
   * that BullMQ finished while the run did not (it stalled out) is replaced, so the run resumes.
   */
  private async recover(
    deps: Deps,
    definitions: readonly AnyJobDefinition[],
    options: { exclusive: boolean },
  ) {
    for (const d of definitions) {
      for (const job of (await d.recover?.(deps, options)) ?? []) {
        const queue = this.queueFor(d.name);
        const state = await queue.getJobState(job.jobId);
        if (state === 'completed' || state === 'failed') await queue.remove(job.jobId);
        else if (state !== 'unknown') continue;
        await this.enqueue(d.name, job.payload, { jobId: job.jobId });
      }
    }
  }

  private async process(
    deps: Deps,
    byName: Map<string, AnyJobDefinition>,
    job: Job,
    token: string | undefined,
  ): Promise<unknown> {
    const definition = byName.get(job.name);
    if (!definition) throw new UnrecoverableError(`No processor for job ${job.name}.`);
    const { [REQUEST_ID]: requestId, ...data } = (job.data ?? {}) as Record<string, unknown>;
    const context = {
      requestId: typeof requestId === 'string' ? requestId : `job:${job.id}`,
      jobId: job.id ?? '',
    };
    const started = performance.now();
    const finished = (outcome: 'done' | 'retry' | 'failed') =>
      this.settings.onJobFinished?.(job.name, (performance.now() - started) / 1000, outcome);
    return withRequestContext(context, () => this.runParsed(deps, definition, data, job, token)).then(
      (result) => {
        finished('done');
        return result;
      },
      (error) => {
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const gone = error instanceof UnrecoverableError || (last && !(error instanceof DelayedError));
        finished(gone ? 'failed' : 'retry');
        throw error;
      },
    );
  }

  private async runParsed(
    deps: Deps,
    definition: AnyJobDefinition,
    data: Record<string, unknown>,
    job: Job,
    token: string | undefined,
  ): Promise<unknown> {
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success)
      throw new UnrecoverableError(`Job ${job.name} has a bad payload: ${parsed.error.message}`);
    try {
      const result = await definition.process(deps, parsed.data, {
        jobId: job.id ?? '',
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
        signal: this.abort.signal,
        reportProgress: (fraction, message) => job.updateProgress({ fraction, message }),
      });
      this.settings.log.debug('job done', { job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
      return result;
    } catch (error) {
      if (error instanceof RetryLaterError) {
        await job.moveToDelayed(Date.now() + error.delayMs, token);
        throw new DelayedError(error.message);
      }
      if (isPermanentFailure(error)) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => never): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        onTimeout();
      } catch (error) {
        reject(error);
      }
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
