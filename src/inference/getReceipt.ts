import { z } from 'zod';
import { receiptTree } from '../anchoring/merkleTrees.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { readCallReceipt } from './readCallReceipt.ts';
import type { Receipt } from './receipt.ts';
import { receiptLeafOf } from './receiptLeaf.ts';

const params = z.object({
  receiptId: idSchema,
  /** Who is asking; the caller also sees the prompt and answer text. */
  viewerAccountId: idSchema.optional(),
});

export interface ReceiptView extends Receipt {
  receiptHash: string;
  /** Set once the receipt's epoch was cut: the root queued for the chain and this leaf's proof. */
  anchor: { epoch: number; root: string; proof: string[] } | null;
  /** Only for the caller: the other side of promptSha256 and answerSha256. */
  private: { callerAccountId: string; prompt: string; answer: string } | null;
  /**
   * LoRA answers whose influence was pending: where the escrowed data and validator parts went
   * once the attribution job settled them (status 'pending' until then). Absent otherwise.
   */
  attributionSettlement?: {
    status: 'pending' | 'settled';
    settledAt: string | null;
    weights: { contributionId: string; units: string }[];
    payouts: { accountId: string | null; role: string; amount: string }[];
  };
}

/**
 * Receipts are public, like the contributions and payouts they name (anyone may check whose data
 * an answer drew on and who got paid), but what was asked and answered is the caller's: others see
 * only its hashes, which the caller can reveal and anyone can check against the anchored leaf.
 */
export async function getReceipt(deps: Deps, input: z.input<typeof params>): Promise<ReceiptView> {
  const p = parseInput(params, input);
  const call = await readCallReceipt(deps.sql, p.receiptId);
  let anchor: ReceiptView['anchor'] = null;
  if (call.anchorBatchId) {
    const leaves = await deps.sql<{ id: string; model_id: string; fee: string; receipt_hash: string }[]>`
      select id, model_id, fee, receipt_hash from inference_calls where anchor_batch_id = ${call.anchorBatchId}
      order by id`;
    const tree = receiptTree(leaves.map(receiptLeafOf));
    const mine = receiptLeafOf({
      id: p.receiptId,
      model_id: call.receipt.modelId,
      fee: call.receipt.fee,
      receipt_hash: call.receipt.receiptHash,
    });
    anchor = {
      epoch: Number(call.anchorBatchId),
      root: tree.root,
      proof: tree.getProof([mine.receiptId, mine.modelId, mine.fee, mine.receiptHash]),
    };
  }
  const attributionSettlement =
    call.receipt.neural?.influence.status === 'pending' ? await readSettlement(deps, p.receiptId) : undefined;
  const isCaller = p.viewerAccountId !== undefined && p.viewerAccountId === call.callerAccountId;
  return {
    ...call.receipt,
    anchor,
    private: isCaller
      ? { callerAccountId: call.callerAccountId, prompt: call.prompt, answer: call.answer }
      : null,
    ...(attributionSettlement ? { attributionSettlement } : {}),
  };
}

async function readSettlement(deps: Deps, callId: string): Promise<ReceiptView['attributionSettlement']> {
  const [row] = await deps.sql<
    {
      status: 'pending' | 'settled';
      settled_at: Date | null;
      result: {
        weights: { contributionId: string; units: string }[];
        payouts: { accountId: string | null; role: string; amount: string }[];
      } | null;
    }[]
  >`select status, settled_at, result from attribution_settlements where call_id = ${callId}`;
  if (!row) return undefined;
  return {
    status: row.status,
    settledAt: row.settled_at?.toISOString() ?? null,
    weights: row.result?.weights ?? [],
    payouts: row.result?.payouts ?? [],
  };
}
