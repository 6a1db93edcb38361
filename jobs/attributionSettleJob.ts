import { z } from 'zod';
import { attributionJobId } from '../src/inference/enqueueAttribution.ts';
import { listPendingAttributions } from '../src/inference/listPendingAttributions.ts';
import { recordAttributionFailure } from '../src/inference/recordAttributionFailure.ts';
import { settleAttribution } from '../src/inference/settleAttribution.ts';
import type { JobDefinition } from '../src/queue/jobDefinition.ts';
import { idSchema } from '../src/shared/ids.ts';

/** Computes a neural answer's influence and pays its escrowed data share out, once. */
export const attributionSettleJob: JobDefinition<'attribution.settle'> = {
  name: 'attribution.settle',
  schema: z.object({ callId: idSchema }),
  process: (deps, payload, ctx) => settleAttribution(deps, { callId: payload.callId, signal: ctx.signal }),
  onFailed: (deps, payload, error) =>
    recordAttributionFailure(deps, { callId: payload.callId, reason: error.message }),
  recover: async (deps) =>
    (await listPendingAttributions(deps)).map((callId) => ({
      payload: { callId },
      jobId: attributionJobId(callId),
    })),
};
