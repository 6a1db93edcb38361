import type { Deps } from '../shared/deps.ts';
import type { AnyJobDefinition } from './jobDefinition.ts';
import type { JobQueue } from './jobQueue.ts';

export interface QueueSettings {
  concurrency: number;
  attempts: number;
  /** First retry delay; doubled on each further attempt. */
  backoffMs: number;
  /** Told how long each job run took and how it ended (metrics). */
  onJobFinished?: (job: string, seconds: number, outcome: 'done' | 'retry' | 'failed') => void;
}

/** A queue adapter: the port use cases enqueue on, plus what the composition root drives. */
export interface JobRunner extends JobQueue {
  /**
   * Recovers unfinished work from the durable tables, then starts running `definitions`.
   * `exclusive`: this process alone uses the database (embedded PGlite).
   */
  start(deps: Deps, definitions: readonly AnyJobDefinition[], options: { exclusive: boolean }): Promise<void>;
  /** Graceful: no new jobs, running ones are asked to stop at a checkpoint and awaited. */
  close(): Promise<void>;
  /** Jobs by state (waiting, active, delayed, failed) for metrics and health. */
  depth(): Promise<Record<string, number>>;
}
