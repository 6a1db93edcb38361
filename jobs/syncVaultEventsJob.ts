import { z } from 'zod';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';
import { syncVaultEvents } from '../src/rewards/syncVaultEvents.ts';

/**
 * Credits deposits and settles claims seen on the vault, every CHAIN_POLL_MS. Idempotent per event;
 * a failed sync is not retried, the next tick reads from the same cursor.
 */
export const syncVaultEventsJob: JobDefinition<'rewards.syncVaultEvents'> = {
  name: 'rewards.syncVaultEvents',
  schema: z.object({}) as z.ZodType<Record<string, never>>,
  needsChain: true,
  attempts: 1,
  process: async (deps) => {
    await syncVaultEvents(deps);
  },
  everyMs: (config) => config.chain.pollMs,
};
