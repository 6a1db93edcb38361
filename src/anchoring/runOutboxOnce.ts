import { type OutboxHooks, type SubmitStats, submitOutboxRows } from '../chain/outbox/submitOutboxRows.ts';
import type { Deps } from '../shared/deps.ts';
import { type BatchRunResult, batchContributions } from './batchContributions.ts';
import { batchValidationOutcomes } from './batchValidationOutcomes.ts';

export interface OutboxRunResult {
  contributionBatches: BatchRunResult;
  validationBatches: BatchRunResult;
  rows: SubmitStats;
}

export interface RunOutboxOptions {
  /** Cut batches whatever their size and age (tests, demos). */
  forceBatches?: boolean;
  maxRows?: number;
  hooks?: OutboxHooks;
}

/**
 * One pass of the chain outbox worker: cut ready Merkle batches, then send and track outbox rows.
 * Safe to run from several processes at once and to kill at any point; the chain.outbox job runs
 * it every CHAIN_POLL_MS, tests call it directly.
 */
export async function runOutboxOnce(deps: Deps, options: RunOutboxOptions = {}): Promise<OutboxRunResult> {
  const contributionBatches = await batchContributions(deps, { force: options.forceBatches });
  const validationBatches = await batchValidationOutcomes(deps, { force: options.forceBatches });
  const rows = await submitOutboxRows(deps, { maxRows: options.maxRows, hooks: options.hooks });
  return { contributionBatches, validationBatches, rows };
}
