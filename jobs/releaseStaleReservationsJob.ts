import { z } from 'zod';
import { releaseStaleReservations } from '../src/inference/releaseStaleReservations.ts';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';

/** Refunds fees reserved by calls whose process died before settling them. */
export const releaseStaleReservationsJob: JobDefinition<'inference.releaseStale'> = {
  name: 'inference.releaseStale',
  schema: z.object({}) as z.ZodType<Record<string, never>>,
  process: (deps) => releaseStaleReservations(deps, {}),
  everyMs: (config) => Math.max(10_000, (config.inference.reservationTimeoutSeconds * 1000) / 2),
};
