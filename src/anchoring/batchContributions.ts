import type { Hex } from 'viem';
import { outboxIdExpr } from '../chain/chainStore.ts';
import { enqueueChainWrite } from '../chain/outbox/enqueueChainWrite.ts';
import { contributionsTable } from '../contributions/contributionStore.ts';
import type { Deps } from '../shared/deps.ts';
import { enqueueDatanetRegistration } from './enqueueDatanetRegistration.ts';
import { contributionTree } from './merkleTrees.ts';
import { recordAccountRefs } from './recordAccountRefs.ts';
import { contributionBatchRef, contributionLeafOf, datanetRef } from './refs.ts';

export interface BatchRunResult {
  batches: number;
  items: number;
}

export interface BatchOptions {
  /** Cut a batch even if it is small and young (tests, shutdown, `settle now`). */
  force?: boolean;
  /** Most batches to cut in one call, so one call stays short; 50 by default. */
  maxBatches?: number;
}

/**
 * Cuts queued contributions into Merkle windows across every datanet, in contribution id order: a
 * window is cut when OUTBOX_BATCH_SIZE items wait or the oldest has waited OUTBOX_BATCH_MAX_WAIT_SECONDS.
 * Each leaf names its datanet, so one root per window serves them all and a quiet datanet's single
 * contribution shares the anchor instead of paying for one (96k gas alone; bench chain). Each window's
 * rows, membership, queue removal and anchor_contributions outbox row commit in one transaction, so a
 * crash leaves either the whole window or none of it.
 */
export async function batchContributions(deps: Deps, options: BatchOptions = {}): Promise<BatchRunResult> {
  const { batchSize, batchMaxWaitSeconds } = deps.config.outbox;
  const result: BatchRunResult = { batches: 0, items: 0 };
  for (let i = 0; i < (options.maxBatches ?? 50); i++) {
    const cut = await deps.sql.begin(async (tx) => {
      const [ready] = await tx<{ n: number }[]>`
        select count(*)::int as n from contribution_anchor_queue
        having ${options.force ? tx`count(*) > 0` : tx`count(*) >= ${batchSize} or min(enqueued_at) <= now() - make_interval(secs => ${batchMaxWaitSeconds})`}`;
      if (!ready) return 0;
      // skip locked: a second worker (another process on PostgreSQL) takes other rows, never these.
      const rows = await tx<
        {
          contribution_id: string;
          contributor_account_id: string;
          content_hash: string;
          datanet_id: string;
        }[]
      >`
        select q.contribution_id, c.contributor_account_id, c.content_hash, c.datanet_id
        from contribution_anchor_queue q join ${contributionsTable(tx)} c on c.id = q.contribution_id
        order by q.contribution_id limit ${batchSize}
        for update of q skip locked`;
      if (rows.length === 0) return 0;
      const tree = contributionTree(rows.map(contributionLeafOf));
      const [batch] = await tx<{ id: string }[]>`
        insert into contribution_batches (datanet_id, root, leaf_count)
        values (null, ${tree.root}, ${rows.length}) returning id`;
      const ids = rows.map((r) => r.contribution_id);
      await tx`
        insert into contribution_batch_items (contribution_id, batch_id)
        select c, ${batch.id} from unnest(${ids}::bigint[]) as u(c)`;
      await tx`delete from contribution_anchor_queue where contribution_id = any(${ids}::bigint[])`;
      const contributors = [...new Set(rows.map((r) => r.contributor_account_id))];
      await recordAccountRefs(tx, contributors);
      // The registry verifies a window's leaf only for a registered datanet; these rows (deduplicated)
      // sort before the anchor.
      const datanets = [...new Set(rows.map((r) => r.datanet_id))];
      for (const datanetId of datanets) await enqueueDatanetRegistration(tx, datanetId);
      const batchRef = contributionBatchRef(batch.id);
      await enqueueChainWrite(tx, {
        kind: 'anchor_contributions',
        dedupeKey: `anchor_contributions:${batch.id}`,
        payload: {
          batchId: batch.id,
          batchRef,
          datanetRefs: datanets.map((id) => datanetRef(id)),
          root: tree.root as Hex,
          count: rows.length,
        },
      });
      await tx`
        update contribution_batches set batch_ref = ${batchRef},
          outbox_id = ${outboxIdExpr(tx, `anchor_contributions:${batch.id}`)}
        where id = ${batch.id}`;
      return rows.length;
    });
    if (cut === 0) break;
    result.batches += 1;
    result.items += cut;
  }
  return result;
}
