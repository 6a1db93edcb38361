/**
 * The job queue port. Use cases enqueue work by name with a payload that carries ids only (the
 * database holds the state); `jobs/` parses payloads with zod and runs the processors, in process
 * or on BullMQ workers. Job ids are deterministic, so enqueueing the same work twice is one job.
 */
export interface JobPayloads {
  'training.run': { runId: string };
  'receipts.anchor': Record<string, never>;
  'inference.releaseStale': Record<string, never>;
  'attribution.settle': { callId: string };
  'validation.closeExpired': Record<string, never>;
  'chain.outbox': Record<string, never>;
  'rewards.syncVaultEvents': Record<string, never>;
  'rewards.settleEpoch': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export interface EnqueueOptions {
  /** Deterministic id: a job with this id already waiting or running is not added again. */
  jobId: string;
  delayMs?: number;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void>;
}

/** What a processor may use while it runs a job. */
export interface JobContext {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
  /** Aborted on graceful shutdown: long jobs stop at their next checkpoint and are resumed later. */
  signal: AbortSignal;
  /** Progress for queue observers (BullMQ progress events); durable progress is the use case's job. */
  reportProgress(fraction: number, message: string): Promise<void>;
}

/**
 * Thrown by a processor when the job cannot run yet (another worker still holds its lease): the
 * queue runs it again after `delayMs` without counting an attempt.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(
    readonly delayMs: number,
    message: string,
  ) {
    super(message);
  }
}
