import type { AnyJobDefinition } from '../src/queue/jobDefinition.ts';
import { anchorReceiptsJob } from './anchorReceiptsJob.ts';
import { attributionSettleJob } from './attributionSettleJob.ts';
import { chainOutboxJob } from './chainOutboxJob.ts';
import { closeExpiredReviewsJob } from './closeExpiredReviewsJob.ts';
import { releaseStaleReservationsJob } from './releaseStaleReservationsJob.ts';
import { settleEpochJob } from './settleEpochJob.ts';
import { syncVaultEventsJob } from './syncVaultEventsJob.ts';
import { trainingRunJob } from './trainingRunJob.ts';

/**
 * The chain clock: an outbox pass and a vault event sync every CHAIN_POLL_MS, an epoch settlement
 * at each EPOCH_SECONDS boundary.
 */
export const chainClockJobs: readonly AnyJobDefinition[] = [
  chainOutboxJob,
  syncVaultEventsJob,
  settleEpochJob,
];

/** Every job but the chain clock: for drivers that run the outbox and settlement by hand (demo, tests). */
export const jobsWithoutChainClock: readonly AnyJobDefinition[] = [
  trainingRunJob,
  anchorReceiptsJob,
  releaseStaleReservationsJob,
  attributionSettleJob,
  closeExpiredReviewsJob,
];

/**
 * Every job the service runs, and when: the one scheduler. The composition roots (`potluck start`,
 * `potluck worker` and the other commands) hand this list to createApp; both queue adapters take it.
 * On demand: training.run (startTrainingRun), attribution.settle (LoRA answers).
 * Repeating: receipts.anchor every EPOCH_SECONDS; inference.releaseStale every half
 * RESERVATION_TIMEOUT_SECONDS (at least 10 s); validation.closeExpired every 30 s; and the chain clock.
 */
export const jobDefinitions: readonly AnyJobDefinition[] = [...jobsWithoutChainClock, ...chainClockJobs];
