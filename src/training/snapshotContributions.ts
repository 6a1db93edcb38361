import { contributionTree } from '../anchoring/merkleTrees.ts';
import { contributionLeafOf } from '../anchoring/refs.ts';
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
  const rows = await db<
    { contribution_id: string; contributor_account_id: string; content_hash: string; datanet_id: string }[]
  >`
    select id as contribution_id, contributor_account_id, content_hash, datanet_id from contributions
    where datanet_id = ${datanetId} and status = 'approved' and gold_answer is null order by id`;
  if (rows.length === 0) return { contributionIds: [], root: '' };
  const tree = contributionTree(rows.map(contributionLeafOf));
  return { contributionIds: rows.map((r) => r.contribution_id), root: tree.root };
}
