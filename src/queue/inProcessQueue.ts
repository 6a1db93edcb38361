import { AppError } from '../errors.ts';
import type { Logger } from '../shared/createLogger.ts';
import type { Deps } from '../shared/deps.ts';
import { type LongTimer, setLongInterval, setLongTimeout } from '../shared/longTimer.ts';
import { currentRequestContext, withRequestContext } from '../shared/requestContext.ts';
import { isPermanentFailure } from './isPermanentFailure.ts';
import type { AnyJobDefinition } from './jobDefinition.ts';
import { type EnqueueOptions, type JobName, type JobPayloads, RetryLaterError } from './jobQueue.ts';
import type { JobRunner, QueueSettings } from './jobRunner.ts';

interface PendingJob {
  name: JobName;
  payload: unknown;
  jobId: string;
  attempt: number;
  /** The request that enqueued it, so the job's log lines join that request's. */
  requestId?: string;
}

/**
 * The embedded queue: jobs run in this process with the same retry, backoff and permanent-failure
 * rules as on BullMQ. It keeps nothing itself; the durable state is in the run tables, and `start`
 * asks each job kind what to pick up from them (runs left queued or running by a crash).
 */
export class InProcessQueue implements JobRunner {
  readonly kind = 'in-process' as const;
  private deps?: Deps;
  private readonly definitions = new Map<string, AnyJobDefinition>();
  private readonly pending: PendingJob[] = [];
  /** Ids waiting, delayed or running: the same id is not queued twice. */
  private readonly known = new Set<string>();
  private readonly active = new Set<Promise<void>>();
  private readonly timers = new Set<LongTimer>();
  private readonly abort = new AbortController();
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  /** Retries and delayed jobs waiting on a timer. */
  private delayed = 0;

  constructor(private readonly settings: QueueSettings & { log: Logger }) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    if (this.closed) throw new AppError('UNAVAILABLE', 'The job queue is shutting down; try again shortly.');
    if (this.known.has(options.jobId)) return;
    this.known.add(options.jobId);
    const job = {
      name,
      payload,
      jobId: options.jobId,
      attempt: 1,
      requestId: currentRequestContext()?.requestId,
    };
    if (options.delayMs) this.later(job, options.delayMs);
    else this.pending.push(job);
    this.pump();
  }

  async start(
    deps: Deps,
    definitions: readonly AnyJobDefinition[],
    options: { exclusive: boolean },
  ): Promise<void> {
    this.deps = deps;
    for (const d of definitions) this.definitions.set(d.name, d);
    for (const d of definitions) {
      // Nothing here could run it (no chain in this process).
      if (d.needsChain && !deps.chain) continue;
      for (const job of (await d.recover?.(deps, options)) ?? []) {
        await this.enqueue(d.name, job.payload, { jobId: job.jobId });
      }
      const every = d.everyMs?.(deps.config);
      if (every) this.repeat(d, every);
    }
    this.pump();
  }

  /** Enqueues `d` every `every` ms; a tick whose previous run is still going is skipped (same id). */
  private repeat(d: AnyJobDefinition, every: number): void {
    const tick = () => {
      this.enqueue(d.name, {} as never, { jobId: `every-${d.name}` }).catch(() => {});
    };
    // EPOCH_SECONDS may exceed a plain timer's ~24.8-day limit.
    const interval = () => {
      if (!this.closed) this.timers.add(setLongInterval(tick, every).unref());
    };
    if (!d.alignToClock) return void interval();
    const first = setLongTimeout(
      () => {
        this.timers.delete(first);
        tick();
        interval();
      },
      every - (Date.now() % every),
    ).unref();
    this.timers.add(first);
  }

  /** Resolves once nothing is waiting or running (delayed retries excepted). */
  idle(): Promise<void> {
    if (this.pending.length === 0 && this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking jobs, tells running ones to stop at their next checkpoint, and waits for them. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    for (const t of this.timers) t.clear();
    this.timers.clear();
    await Promise.allSettled([...this.active]);
  }

  private pump(): void {
    if (!this.deps || this.closed) return;
    while (this.active.size < this.settings.concurrency && this.pending.length > 0) {
      const job = this.pending.shift()!;
      const context = { requestId: job.requestId ?? `job:${job.jobId}`, jobId: job.jobId };
      const run: Promise<void> = withRequestContext(context, () => this.run(job)).finally(() => {
        this.active.delete(run);
        this.pump();
      });
      this.active.add(run);
    }
    if (this.pending.length === 0 && this.active.size === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  async depth(): Promise<Record<string, number>> {
    return { waiting: this.pending.length, active: this.active.size, delayed: this.delayed };
  }

  private async run(job: PendingJob): Promise<void> {
    const started = performance.now();
    const outcome = await this.attempt(job);
    this.settings.onJobFinished?.(job.name, (performance.now() - started) / 1000, outcome);
  }

  private async attempt(job: PendingJob): Promise<'done' | 'retry' | 'failed'> {
    const deps = this.deps!;
    const { log, backoffMs } = this.settings;
    const definition = this.definitions.get(job.name);
    if (!definition) {
      this.known.delete(job.jobId);
      log.error('no processor for job', { job: job.name, jobId: job.jobId });
      return 'failed';
    }
    const attempts = definition.attempts ?? this.settings.attempts;
    let payload: unknown;
    try {
      payload = definition.schema.parse(job.payload);
      await definition.process(deps, payload, {
        jobId: job.jobId,
        attempt: job.attempt,
        maxAttempts: attempts,
        signal: this.abort.signal,
        reportProgress: async () => {},
      });
      this.known.delete(job.jobId);
      log.debug('job done', { job: job.name, jobId: job.jobId, attempt: job.attempt });
      return 'done';
    } catch (error) {
      // Shutting down: the run tables still say what is unfinished, and the next boot resumes it.
      if (this.abort.signal.aborted) {
        this.known.delete(job.jobId);
        return 'retry';
      }
      if (error instanceof RetryLaterError) {
        this.later(job, error.delayMs);
        return 'retry';
      }
      if (!isPermanentFailure(error) && job.attempt < attempts) {
        log.warn('job failed, will retry', { job: job.name, jobId: job.jobId, attempt: job.attempt, error });
        this.later({ ...job, attempt: job.attempt + 1 }, backoffMs * 2 ** (job.attempt - 1));
        return 'retry';
      }
      this.known.delete(job.jobId);
      log.error('job failed for good', { job: job.name, jobId: job.jobId, attempt: job.attempt, error });
      if (payload !== undefined && definition.onFailed) {
        const failure = error instanceof Error ? error : new Error(String(error));
        await definition
          .onFailed(deps, payload, failure)
          .catch((e) => log.error('onFailed threw', { error: e }));
      }
      return 'failed';
    }
  }

  private later(job: PendingJob, ms: number): void {
    if (this.closed) return void this.known.delete(job.jobId);
    // Doubling backoff over many attempts easily passes a plain timer's ~24.8-day limit.
    this.delayed += 1;
    const timer = setLongTimeout(() => {
      this.delayed -= 1;
      this.timers.delete(timer);
      this.pending.push(job);
      this.pump();
    }, ms).unref();
    this.timers.add(timer);
  }
}
