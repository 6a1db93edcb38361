import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Deps } from '../shared/deps.ts';
import type { JobContext, JobName, JobPayloads } from './jobQueue.ts';

/**
 * One kind of job: its payload schema, its processor (parse → call a use case, nothing more) and
 * the hooks the queue adapters call. Business rules stay in the use cases.
 */
export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  schema: z.ZodType<JobPayloads[N]>;
  process(deps: Deps, payload: JobPayloads[N], ctx: JobContext): Promise<unknown>;
  /** Called once when the job will not be tried again (attempts used up, or a permanent error). */
  onFailed?(deps: Deps, payload: JobPayloads[N], error: Error): Promise<void>;
  /** Jobs to (re)enqueue at boot from the durable tables; `exclusive`: no other process shares them. */
  recover?(
    deps: Deps,
    options: { exclusive: boolean },
  ): Promise<{ payload: JobPayloads[N]; jobId: string }[]>;
  /**
   * Repeat every this many ms with an empty payload (null: not periodic). On BullMQ one job
   * scheduler per name, so a tick runs once however many processes start the queue.
   */
  everyMs?(config: Config): number | null;
  /** Ticks fall on multiples of everyMs since the Unix epoch instead of counting from start. */
  alignToClock?: boolean;
  /**
   * Runs only in a process that holds the chain (`deps.chain`): on BullMQ these jobs have a queue of
   * their own that only such processes consume, so a worker without a chain never takes them.
   */
  needsChain?: boolean;
  /** Tries before giving up, instead of JOB_ATTEMPTS (1: a tick whose next tick is its retry). */
  attempts?: number;
}

// Each definition is checked against its own name above; the list only needs the common shape.
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of definitions
export type AnyJobDefinition = JobDefinition<any>;
