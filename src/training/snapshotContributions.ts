import { contributionTree } from '../anchoring/merkleTrees.ts';
import { contributionLeafOf } from '../anchoring/refs.ts';
import { approvedContributionsOf } from '../contributions/contributionStore.ts';
import type { Db } from '../db/openDatabase.ts';

export interface Snapshot {
  /** Approved contribution ids in index order (ascending id: the order they were submitted). */
  contributionIds: string[];
  /** Root over the same leaves the chain anchors contributions with: the snapshot id. */
  root: string;
}

/**
 * The approved contributions of a datanet now. Approval is final, so the set only grows; a run
 * keeps its ids and root, and rebuilding from them gives the same index whenever it happens.
 */
export async function snapshotContributions(db: Db, datanetId: string): Promise<Snapshot> {
  const rows = await approvedContributionsOf(db, datanetId);
  if (rows.length === 0) return { contributionIds: [], root: '' };
  const tree = contributionTree(rows.map(contributionLeafOf));
  return { contributionIds: rows.map((r) => r.contribution_id), root: tree.root };
}
