import { z } from 'zod';
import { runOutboxOnce } from '../src/anchoring/runOutboxOnce.ts';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';

/**
 * One chain outbox pass (cut ready anchor batches, send and track outbox rows) every CHAIN_POLL_MS.
 * A failed pass is not retried: the next tick is the retry, and every pass is safe to repeat.
 */
export const chainOutboxJob: JobDefinition<'chain.outbox'> = {
  name: 'chain.outbox',
  schema: z.object({}) as z.ZodType<Record<string, never>>,
  needsChain: true,
  attempts: 1,
  process: async (deps) => {
    await runOutboxOnce(deps);
  },
  everyMs: (config) => config.chain.pollMs,
};
