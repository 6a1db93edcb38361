import { z } from 'zod';
import { anchorReceipts } from '../src/inference/anchorReceipts.ts';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';

/** Groups settled receipts into Merkle batches and queues their roots for the chain, once per epoch. */
export const anchorReceiptsJob: JobDefinition<'receipts.anchor'> = {
  name: 'receipts.anchor',
  schema: z.object({}) as z.ZodType<Record<string, never>>,
  process: (deps) => anchorReceipts(deps, {}),
  everyMs: (config) => config.epochSeconds * 1000,
};
