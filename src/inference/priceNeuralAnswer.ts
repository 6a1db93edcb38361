import type { LoraArtifact } from '../ml/serving/loraArtifact.ts';
import type { Deps } from '../shared/deps.ts';
import type { InfluenceOutcome } from './answerWithAdapter.ts';
import { buildReceipt } from './buildReceipt.ts';
import { combineAttribution } from './combineAttribution.ts';
import type { GeneratedAnswer, GenerationRequest } from './generateAnswer.ts';
import type { ModelTerms } from './loadModelTerms.ts';
import { loadPayees } from './loadPayees.ts';
import type { NeuralReceipt } from './receipt.ts';
import type { Settlement } from './settleInference.ts';
import { splitFee } from './splitFee.ts';

const SCORES_LISTED = 20;

/**
 * Who a neural answer pays. With influence computed (or not available for this adapter), the data
 * share is split by the combination of spans and influence (combineAttribution) and paid now; with
 * influence pending, the data and validators parts go to the attribution escrow and the settlement
 * carries what the job needs to finish it. The receipt shows the spans either way.
 */
export async function priceNeuralAnswer(
  deps: Deps,
  input: {
    reservation: { callId: string; attempt: number };
    terms: ModelTerms;
    artifact: LoraArtifact;
    generated: GeneratedAnswer;
    influence: InfluenceOutcome;
    sampling: Omit<GenerationRequest, 'prompt'>;
    prompt: string;
    pending: { promptTokens: readonly number[]; answerTokens: readonly number[] };
  },
): Promise<Settlement> {
  const { terms, artifact, generated, influence } = input;
  const beta = deps.neural?.options.influenceWeight ?? 0.5;
  const spans = spanWeights(generated);
  const escrow = influence.status === 'pending';
  const combined = escrow
    ? null
    : combineAttribution({
        spans,
        influence: influence.status === 'computed' ? influence.scores : null,
        beta,
      });
  const fallback = !escrow && combined === null;
  // Pending: the receipt lists the span credit (what is known now); the escrow payout says the rest waits.
  const weights = escrow
    ? spans.map((s) => ({ contributionId: s.contributionId, weight: s.units }))
    : combined
      ? combined.map((c) => ({ contributionId: c.contributionId, weight: c.weight }))
      : [...artifact.contributionTokens].map(([id, tokens]) => ({
          contributionId: id,
          weight: BigInt(tokens),
        }));
  const payees = await loadPayees(
    deps.sql,
    weights.map((w) => w.contributionId),
  );
  const split = splitFee({
    fee: terms.pricePerCall,
    split: terms.split,
    developerAccountId: terms.developerAccountId,
    weights,
    payees,
    escrowContributions: escrow,
  });
  const neural: NeuralReceipt = {
    baseModel: artifact.baseModel,
    adapterSha256: artifact.adapterSha256,
    influence: {
      status: influence.status,
      scores:
        influence.status === 'computed'
          ? [...influence.scores].sort((a, b) => b.score - a.score).slice(0, SCORES_LISTED)
          : [],
    },
    influenceWeight: beta,
  };
  const receipt = {
    ...buildReceipt({
      callId: input.reservation.callId,
      terms,
      sampling: input.sampling,
      prompt: input.prompt,
      generated,
      fallback,
      minSpan: artifact.minSpan,
      weights,
      payees,
      split,
    }),
    neural,
  };
  const escrowed = escrow && split.parts.data + split.parts.validators > 0n;
  return {
    callId: input.reservation.callId,
    attempt: input.reservation.attempt,
    modelId: terms.modelId,
    datanetId: terms.datanetId,
    fee: terms.pricePerCall,
    split,
    answer: generated.answer,
    receipt,
    pendingAttribution: escrowed
      ? {
          data: split.parts.data,
          validators: split.parts.validators,
          promptTokens: [...input.pending.promptTokens],
          answerTokens: [...input.pending.answerTokens],
          spanWeights: spans.map((s) => ({ contributionId: s.contributionId, units: s.units.toString() })),
        }
      : undefined,
  };
}

/** The answer's span credit per contribution (credit units, parts per million of credited tokens). */
export const spanWeights = (generated: GeneratedAnswer) =>
  generated.attribution.contributions
    .filter((c) => c.creditUnits > 0)
    .map((c) => ({ contributionId: c.contributionId, units: BigInt(c.creditUnits) }));
