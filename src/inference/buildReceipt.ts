import type { ModelTerms } from '../models/modelStore.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { GeneratedAnswer, GenerationRequest } from './generateAnswer.ts';
import { partsToStrings, type Receipt, SPAN_CONTRIBUTIONS_LISTED } from './receipt.ts';
import type { FeeSplit, Payee } from './splitFee.ts';

/** The receipt's body (everything but the settlement time and hash) from a call's results. */
export function buildReceipt(input: {
  callId: string;
  terms: ModelTerms;
  sampling: Omit<GenerationRequest, 'prompt'>;
  prompt: string;
  generated: GeneratedAnswer;
  fallback: boolean;
  /** Default: 'snapshot' when `fallback`, else 'spans'. */
  basis?: NonNullable<Receipt['attribution']['basis']>;
  minSpan: number;
  weights: readonly { contributionId: string; weight: bigint }[];
  payees: ReadonlyMap<string, Payee>;
  split: FeeSplit;
}): Omit<Receipt, 'settledAt'> {
  const { terms, generated, split } = input;
  const a = generated.attribution;
  const starts = generated.tokenStarts;
  const totalUnits = input.weights.reduce((a, w) => a + w.weight, 0n);
  const shares = new Map(split.perContribution.map((c) => [c.contributionId, c]));
  const contributions = input.weights
    .filter((w) => w.weight > 0n)
    .map((w) => ({
      contributionId: w.contributionId,
      contributorAccountId: input.payees.get(w.contributionId)?.contributorAccountId ?? '',
      weight: totalUnits > 0n ? Number(w.weight) / Number(totalUnits) : 0,
      units: w.weight.toString(),
      data: (shares.get(w.contributionId)?.data ?? 0n).toString(),
      validators: (shares.get(w.contributionId)?.validators ?? 0n).toString(),
    }))
    .sort(
      (a, b) =>
        Number(BigInt(b.units) - BigInt(a.units)) || compareNumeric(a.contributionId, b.contributionId),
    );
  return {
    receiptId: input.callId,
    modelId: terms.modelId,
    datanetId: terms.datanetId,
    artifactHash: terms.artifactHash,
    snapshotRoot: terms.snapshotRoot,
    fee: terms.pricePerCall.toString(),
    parts: partsToStrings(split.parts),
    sampling: input.sampling,
    promptSha256: sha256Hex(input.prompt),
    answerSha256: sha256Hex(generated.answer),
    answerTokens: generated.tokens.length,
    stopReason: generated.stopReason,
    attribution: {
      minSpan: input.minSpan,
      creditedTokens: a.creditedTokens,
      fallback: input.fallback,
      basis: input.basis ?? (input.fallback ? 'snapshot' : 'spans'),
      uncredited: { shortSpan: a.shortSpanTokens ?? 0, unmatched: a.unmatchedTokens ?? 0 },
      spans: a.spans.map((s) => ({
        start: s.start,
        end: s.end,
        length: s.length,
        promptTokens: s.promptTokens ?? 0,
        ...(starts ? { chars: [starts[s.start], starts[s.end]] as [number, number] } : {}),
        contributions: s.contributions.slice(0, SPAN_CONTRIBUTIONS_LISTED),
        more: Math.max(0, s.contributions.length - SPAN_CONTRIBUTIONS_LISTED),
      })),
      contributions,
    },
    payouts: split.payouts.map((p) => ({
      accountId: p.accountId,
      role: p.role,
      amount: p.amount.toString(),
    })),
  };
}

const compareNumeric = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
