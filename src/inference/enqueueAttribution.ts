import type { Deps } from '../shared/deps.ts';

export const attributionJobId = (callId: string) => `attribution-${callId}`;

/**
 * Queues the job that settles a call's escrowed data share. A failure here loses nothing: the row
 * is durable and the job definition's boot recovery enqueues every pending one.
 */
export async function enqueueAttribution(deps: Deps, callId: string): Promise<void> {
  try {
    await deps.jobs.enqueue('attribution.settle', { callId }, { jobId: attributionJobId(callId) });
  } catch (error) {
    deps.log.warn('could not queue an attribution job; boot recovery will', { callId, error });
  }
}
