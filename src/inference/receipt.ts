import { sha256Hex } from '../shared/hash.ts';
import { stableStringify } from '../shared/stableStringify.ts';
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
    /** True when no answer token was credited (see `basis` for who was paid instead). */
    fallback: boolean;
    /**
     * How the data share was weighted: 'spans' by credited tokens; 'evidence' (no token credited)
     * by the contributions whose occurrences the model sampled from; 'snapshot' the whole snapshot
     * by tokens. Absent on receipts from before it was recorded (those were 'spans' or 'snapshot').
     */
    basis?: 'spans' | 'evidence' | 'snapshot';
    /** Answer tokens not credited: their longest match (prompt included) was shorter than minSpan, or nothing matched. */
    uncredited?: { shortSpan: number; unmatched: number };
    spans: {
      /** Answer tokens [start, end); the match may begin `promptTokens` tokens earlier, in the prompt. */
      start: number;
      end: number;
      length: number;
      promptTokens?: number;
      /** The span's characters in the answer, [from, to): the caller sees the matched text there. */
      chars?: [number, number];
      contributions: { contributionId: string; occurrences: number }[];
      /** Contributions holding the span beyond those listed. */
      more: number;
    }[];
    contributions: {
      contributionId: string;
      contributorAccountId: string;
      /** Share of the data part, 0–1 (of credited tokens, of sampled evidence, or of the snapshot's tokens). */
      weight: number;
      /** Integer weight the split used: credit units, or tokens in fallback. */
      units: string;
      data: string;
      validators: string;
    }[];
  };
  payouts: { accountId: string | null; role: PayoutRole; amount: string }[];
  /** LoRA models only: what ran, and how the data share was attributed (see combineAttribution). */
  neural?: NeuralReceipt;
  settledAt: string;
}

export interface NeuralReceipt {
  baseModel: string;
  adapterSha256: string;
  /**
   * 'computed': the contributions' weights combine spans and influence; 'pending': influence was not
   * ready within the call's budget, the data and validators parts sit in escrow (an 'escrow' payout)
   * and an attribution job settles them once; 'none': the adapter has no gradient features, spans alone.
   */
  influence: {
    status: 'computed' | 'pending' | 'none';
    /** Top raw scores (projected gradient dot products), highest first. */
    scores: { contributionId: string; score: number }[];
  };
  /** β: the influence part of each contribution's weight. */
  influenceWeight: number;
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
