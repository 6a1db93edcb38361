import { stableStringify } from '../shared/withIdempotency.ts';
import { sha256Hex } from '../training/artifactStore.ts';
import type { FeeSplit, PayoutRole } from './splitFee.ts';

/**
 * The public record of one paid call: what it cost, whose data the answer drew on, and who got
 * paid. Amounts are decimal strings (as on every wire), so the stored JSON is the hashed JSON:
 * receiptHash = sha256(stableStringify(receipt without receiptHash)), which anyone can recompute.
 * The prompt and answer appear only as hashes; their text is shown to the caller alone.
 */
export interface Receipt {
  receiptId: string;
  modelId: string;
  datanetId: string;
  artifactHash: string;
  snapshotRoot: string;
  fee: string;
  parts: { developer: string; data: string; validators: string; protocol: string };
  sampling: { seed: number; temperature: number; topK: number; maxTokens: number };
  promptSha256: string;
  answerSha256: string;
  answerTokens: number;
  stopReason: string;
  attribution: {
    minSpan: number;
    creditedTokens: number;
    /** True when no answer token was credited: the data and validator parts went to the whole snapshot by tokens. */
    fallback: boolean;
    spans: {
      start: number;
      end: number;
      length: number;
      contributions: { contributionId: string; occurrences: number }[];
      /** Contributions holding the span beyond those listed. */
      more: number;
    }[];
    contributions: {
      contributionId: string;
      contributorAccountId: string;
      /** Share of the credited tokens (or of the snapshot's tokens in fallback), 0–1. */
      weight: number;
      /** Integer weight the split used: credit units, or tokens in fallback. */
      units: string;
      data: string;
      validators: string;
    }[];
  };
  payouts: { accountId: string | null; role: PayoutRole; amount: string }[];
  settledAt: string;
}

export const SPAN_CONTRIBUTIONS_LISTED = 20;

export function hashReceipt(receipt: Omit<Receipt, 'receiptHash'>): string {
  return sha256Hex(stableStringify(receipt));
}

export const partsToStrings = (parts: FeeSplit['parts']): Receipt['parts'] => ({
  developer: parts.developer.toString(),
  data: parts.data.toString(),
  validators: parts.validators.toString(),
  protocol: parts.protocol.toString(),
});
