import type { Hex } from 'viem';
import type { ReceiptLeaf } from '../anchoring/merkleTrees.ts';
import { toBytes32Ref } from '../anchoring/toBytes32Ref.ts';
import { modelRef } from '../models/publishModel.ts';

const receiptRef = (receiptId: string) => toBytes32Ref('receipt', receiptId);

/** A settled call's leaf in its epoch's receipt tree (what `verifyReceipt` checks on chain). */
export function receiptLeafOf(row: {
  id: string;
  model_id: string;
  fee: string;
  receipt_hash: string;
}): ReceiptLeaf {
  return {
    receiptId: receiptRef(row.id),
    modelId: modelRef(row.model_id),
    fee: BigInt(row.fee),
    receiptHash: `0x${row.receipt_hash}` as Hex,
  };
}
