import type { AnyJobDefinition } from '../src/queue/jobDefinition.ts';
import { anchorReceiptsJob } from './anchorReceiptsJob.ts';
import { attributionSettleJob } from './attributionSettleJob.ts';
import { closeExpiredReviewsJob } from './closeExpiredReviewsJob.ts';
import { releaseStaleReservationsJob } from './releaseStaleReservationsJob.ts';
import { trainingRunJob } from './trainingRunJob.ts';

/** Every job the service runs; both queue adapters take this list. */
export const jobDefinitions: readonly AnyJobDefinition[] = [
  trainingRunJob,
  anchorReceiptsJob,
  releaseStaleReservationsJob,
  attributionSettleJob,
  closeExpiredReviewsJob,
];
