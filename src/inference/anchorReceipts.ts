import type { Hex } from 'viem';
import { receiptTree } from '../anchoring/merkleTrees.ts';
import { enqueueChainWrite } from '../chain/outbox/enqueueChainWrite.ts';
import type { Deps } from '../shared/deps.ts';
import { receiptLeafOf } from './receiptLeaf.ts';

export interface AnchorReceiptsResult {
  batches: { epoch: number; root: string; count: number }[];
}

const MAX_LEAVES = 4096;

/**
 * Groups settled, not yet anchored receipts into Merkle batches (an epoch each) and queues each root
 * for the chain through the outbox in the same transaction. Rows are taken with skip locked, so
 * two workers running this at once cut different batches, never the same receipt twice.
 */
export async function anchorReceipts(
  deps: Deps,
  input: { maxBatches?: number },
): Promise<AnchorReceiptsResult> {
  const result: AnchorReceiptsResult = { batches: [] };
  for (let i = 0; i < (input.maxBatches ?? 20); i++) {
    const batch = await deps.sql.begin(async (tx) => {
      const rows = await tx<{ id: string; model_id: string; fee: string; receipt_hash: string }[]>`
        select id, model_id, fee, receipt_hash from inference_calls
        where status = 'settled' and anchor_batch_id is null
        order by id limit ${MAX_LEAVES} for update skip locked`;
      if (rows.length === 0) return null;
      const tree = receiptTree(rows.map(receiptLeafOf));
      const [b] = await tx<{ id: string }[]>`
        insert into receipt_batches (root, count, first_call_id, last_call_id)
        values (${tree.root}, ${rows.length}, ${rows[0].id}, ${rows[rows.length - 1].id}) returning id`;
      await tx`update inference_calls set anchor_batch_id = ${b.id} where id = any(${rows.map((r) => r.id)}::bigint[])`;
      const epoch = Number(b.id);
      await enqueueChainWrite(tx, {
        kind: 'anchor_receipts',
        dedupeKey: `anchor_receipts:${b.id}`,
        payload: { epoch, root: tree.root as Hex, count: rows.length },
      });
      return { epoch, root: tree.root, count: rows.length };
    });
    if (!batch) break;
    result.batches.push(batch);
    deps.log.info('receipts anchored', batch);
  }
  return result;
}
