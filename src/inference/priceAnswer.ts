import type { TrainedModel } from '../ml/loadTrainedModel.ts';
import type { ModelTerms } from '../models/modelStore.ts';
import type { Deps } from '../shared/deps.ts';
import type { GeneratedAnswer, GenerationRequest } from './generateAnswer.ts';
import { settleByWeights } from './settleByWeights.ts';
import type { Settlement } from './settleInference.ts';

/**
 * Who an answer pays: contributions weighted by their attribution credit units or, when no token
 * was credited, by the model's own next-token evidence (the contributions it sampled from), and
 * only when there is none of that either, the whole snapshot by its tokens; then the split of the
 * fee over the developer, those contributions' contributors and approvers, and the protocol, and
 * the receipt saying so.
 */
export async function priceAnswer(
  deps: Deps,
  input: {
    reservation: { callId: string; attempt: number };
    terms: ModelTerms;
    model: TrainedModel;
    generated: GeneratedAnswer;
    sampling: Omit<GenerationRequest, 'prompt'>;
    prompt: string;
  },
): Promise<Settlement> {
  const { model, generated } = input;
  const credited = generated.attribution.contributions.filter((c) => c.creditUnits > 0);
  const basis =
    credited.length === 0 ? 'snapshot' : generated.attribution.basis === 'evidence' ? 'evidence' : 'spans';
  const weights =
    basis === 'snapshot'
      ? model.manifest.contributions.map((c) => ({ contributionId: c.id, weight: BigInt(c.tokens) }))
      : credited.map((c) => ({ contributionId: c.contributionId, weight: BigInt(c.creditUnits) }));
  return settleByWeights(deps, {
    ...input,
    weights,
    fallback: basis !== 'spans',
    basis,
    minSpan: model.manifest.build.minSpan,
  });
}
