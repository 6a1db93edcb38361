import { z } from 'zod';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';
import { closeExpiredReviews } from '../src/validation/closeExpiredReviews.ts';

/** Decides or returns contributions whose review window has closed, so none waits forever. */
export const closeExpiredReviewsJob: JobDefinition<'validation.closeExpired'> = {
  name: 'validation.closeExpired',
  schema: z.object({}) as z.ZodType<Record<string, never>>,
  process: (deps) => closeExpiredReviews(deps, { limit: 500 }),
  // The shortest window is a minute; closing within half of that is soon enough.
  everyMs: () => 30_000,
};
