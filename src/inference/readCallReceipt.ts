import type { Db } from '../db/openDatabase.ts';
import { notFound } from '../errors.ts';
import type { Receipt } from './receipt.ts';

export interface StoredCall {
  callerAccountId: string;
  prompt: string;
  answer: string;
  receipt: Receipt & { receiptHash: string };
  anchorBatchId: string | null;
}

/** A settled call as stored: the receipt (with its hash) and the caller's private prompt and answer. */
export async function readCallReceipt(db: Db, callId: string): Promise<StoredCall> {
  const [row] = await db<
    {
      caller_account_id: string;
      prompt: string;
      answer: string;
      receipt: Receipt;
      receipt_hash: string;
      anchor_batch_id: string | null;
    }[]
  >`
    select caller_account_id, prompt, answer, receipt, receipt_hash, anchor_batch_id
    from inference_calls where id = ${callId} and status = 'settled'`;
  if (!row) throw notFound('Receipt', callId);
  return {
    callerAccountId: row.caller_account_id,
    prompt: row.prompt,
    answer: row.answer,
    receipt: { ...row.receipt, receiptHash: row.receipt_hash },
    anchorBatchId: row.anchor_batch_id,
  };
}
