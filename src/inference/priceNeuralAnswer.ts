import type { LoraArtifact } from '../ml/serving/loraArtifact.ts';
import type { ModelTerms } from '../models/modelStore.ts';
import type { Deps } from '../shared/deps.ts';
import type { InfluenceOutcome } from './answerWithAdapter.ts';
import { combineAttribution } from './combineAttribution.ts';
import type { GeneratedAnswer, GenerationRequest } from './generateAnswer.ts';
import { neuralWeights } from './neuralWeights.ts';
import type { NeuralReceipt } from './receipt.ts';
import { settleByWeights } from './settleByWeights.ts';
import type { Settlement } from './settleInference.ts';

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
    /** β of combineAttribution (INFLUENCE_WEIGHT). */
    influenceWeight: number;
  },
): Promise<Settlement> {
  const { artifact, generated, influence } = input;
  const beta = input.influenceWeight;
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
    : neuralWeights(combined, artifact);
  const settlement = await settleByWeights(deps, {
    ...input,
    weights,
    fallback,
    minSpan: artifact.minSpan,
    escrowContributions: escrow,
  });
  const { split } = settlement;
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
  const escrowed = escrow && split.parts.data + split.parts.validators > 0n;
  return {
    ...settlement,
    receipt: { ...settlement.receipt, neural },
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
const spanWeights = (generated: GeneratedAnswer) =>
  generated.attribution.contributions
    .filter((c) => c.creditUnits > 0)
    .map((c) => ({ contributionId: c.contributionId, units: BigInt(c.creditUnits) }));
