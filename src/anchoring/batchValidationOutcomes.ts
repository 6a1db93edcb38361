import type { Hex } from 'viem';
import { outboxIdExpr } from '../chain/chainStore.ts';
import { enqueueChainWrite } from '../chain/outbox/enqueueChainWrite.ts';
import type { Deps } from '../shared/deps.ts';
import { validationOutcomesTable } from '../validation/validationStore.ts';
import type { BatchOptions, BatchRunResult } from './batchContributions.ts';
import { enqueueDatanetRegistration } from './enqueueDatanetRegistration.ts';
import { validationTree } from './merkleTrees.ts';
import { datanetRef, validationBatchRef, validationLeafOf } from './refs.ts';

/**
 * Cuts final validation outcomes into Merkle batches per datanet, like `batchContributions`: same
 * size and age rules, one transaction per batch with its anchor_validations outbox row.
 */
export async function batchValidationOutcomes(
  deps: Deps,
  options: BatchOptions = {},
): Promise<BatchRunResult> {
  const { batchSize, batchMaxWaitSeconds } = deps.config.outbox;
  const result: BatchRunResult = { batches: 0, items: 0 };
  for (let i = 0; i < (options.maxBatches ?? 50); i++) {
    const cut = await deps.sql.begin(async (tx) => {
      const [ready] = await tx<{ datanet_id: string }[]>`
        select datanet_id from validation_anchor_queue group by datanet_id
        having ${options.force ? tx`true` : tx`count(*) >= ${batchSize} or min(enqueued_at) <= now() - make_interval(secs => ${batchMaxWaitSeconds})`}
        order by min(contribution_id) limit 1`;
      if (!ready) return 0;
      const rows = await tx<
        { contribution_id: string; datanet_id: string; approved: boolean; votes_commitment: string | null }[]
      >`
        select q.contribution_id, o.datanet_id, o.approved, o.votes_commitment
        from validation_anchor_queue q join ${validationOutcomesTable(tx)} o on o.contribution_id = q.contribution_id
        where q.datanet_id = ${ready.datanet_id}
        order by q.contribution_id limit ${batchSize}
        for update of q skip locked`;
      if (rows.length === 0) return 0;
      const tree = validationTree(rows.map(validationLeafOf));
      const [batch] = await tx<{ id: string }[]>`
        insert into validation_batches (datanet_id, root, leaf_count)
        values (${ready.datanet_id}, ${tree.root}, ${rows.length}) returning id`;
      const ids = rows.map((r) => r.contribution_id);
      await tx`
        insert into validation_batch_items (contribution_id, batch_id)
        select c, ${batch.id} from unnest(${ids}::bigint[]) as u(c)`;
      await tx`delete from validation_anchor_queue where contribution_id = any(${ids}::bigint[])`;
      await enqueueDatanetRegistration(tx, ready.datanet_id);
      const batchRef = validationBatchRef(batch.id);
      const dedupeKey = `anchor_validations:${batch.id}`;
      await enqueueChainWrite(tx, {
        kind: 'anchor_validations',
        dedupeKey,
        payload: {
          batchId: batch.id,
          batchRef,
          datanetRef: datanetRef(ready.datanet_id),
          root: tree.root as Hex,
          count: rows.length,
        },
      });
      await tx`
        update validation_batches set batch_ref = ${batchRef},
          outbox_id = ${outboxIdExpr(tx, dedupeKey)}
        where id = ${batch.id}`;
      return rows.length;
    });
    if (cut === 0) break;
    result.batches += 1;
    result.items += cut;
  }
  return result;
}
