import type { Db } from '../db/openDatabase.ts';

/*
 * What waits to be anchored. The areas that write contributions and validation outcomes call these
 * in the same transaction as their insert, so a row and its place in the queue commit together; the
 * batchers take rows out in id order. Imports nothing from those areas, so they may depend on it.
 */

/** Queues new contributions (one datanet) for the next contribution window. */
export async function queueContributionsForAnchoring(
  tx: Db,
  datanetId: string,
  contributionIds: readonly string[],
): Promise<void> {
  if (contributionIds.length === 0) return;
  await tx`
    insert into contribution_anchor_queue (contribution_id, datanet_id)
    select c, ${datanetId} from unnest(${contributionIds as string[]}::bigint[]) as u(c)`;
}

/** Queues a final validation outcome for its datanet's next validation batch. */
export async function queueOutcomeForAnchoring(
  tx: Db,
  contributionId: string,
  datanetId: string,
): Promise<void> {
  await tx`
    insert into validation_anchor_queue (contribution_id, datanet_id) values (${contributionId}, ${datanetId})`;
}
