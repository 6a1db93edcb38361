import { z } from 'zod';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';
import { dueEpochSlot, settleDueEpoch } from '../src/rewards/settleDueEpoch.ts';

/**
 * Settles an epoch at each EPOCH_SECONDS boundary of the clock (hourly epochs settle on the hour),
 * and at boot when a boundary passed while nothing ran. Only the database is touched (the root
 * goes out through the outbox), so any worker may run it.
 */
export const settleEpochJob: JobDefinition<'rewards.settleEpoch'> = {
  name: 'rewards.settleEpoch',
  schema: z.object({}) as z.ZodType<Record<string, never>>,
  process: async (deps) => {
    await settleDueEpoch(deps);
  },
  everyMs: (config) => config.epochSeconds * 1000,
  alignToClock: true,
  recover: async (deps) => {
    const slot = await dueEpochSlot(deps);
    return slot === null ? [] : [{ payload: {}, jobId: `settle-epoch-${slot}` }];
  },
};
