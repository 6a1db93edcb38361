import type { Db } from '../db/openDatabase.ts';
import { queueContributionsForAnchoring, queueOutcomeForAnchoring } from './anchorQueue.ts';
import { enqueueDatanetRegistration } from './enqueueDatanetRegistration.ts';
import { recordAccountRefs } from './recordAccountRefs.ts';

/**
 * What the areas whose writes get anchored hand to anchoring, each call in the caller's transaction.
 * They receive it in Deps (createApp passes `anchoringIntake`) instead of importing src/anchoring,
 * because anchoring reads their stores to cut its batches: the arrow points from anchoring to them.
 */
export interface AnchoringIntake {
  /** New contributions of one datanet wait for the next contribution window. */
  queueContributions(tx: Db, datanetId: string, contributionIds: readonly string[]): Promise<void>;
  /** A final validation outcome waits for its datanet's next validation batch. */
  queueOutcome(tx: Db, contributionId: string, datanetId: string): Promise<void>;
  /** The datanet's on-chain registration is queued (safe to repeat). */
  registerDatanet(tx: Db, datanetId: string): Promise<void>;
  /** The accounts' on-chain refs are stored, so chain events naming them find them. */
  recordAccountRefs(tx: Db, accountIds: readonly string[]): Promise<void>;
}

export const anchoringIntake: AnchoringIntake = {
  queueContributions: queueContributionsForAnchoring,
  queueOutcome: queueOutcomeForAnchoring,
  registerDatanet: enqueueDatanetRegistration,
  recordAccountRefs,
};
