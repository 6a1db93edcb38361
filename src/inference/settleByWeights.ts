import type { ModelTerms } from '../models/modelStore.ts';
import type { Deps } from '../shared/deps.ts';
import { buildReceipt } from './buildReceipt.ts';
import type { GeneratedAnswer, GenerationRequest } from './generateAnswer.ts';
import { loadPayees } from './loadPayees.ts';
import type { Receipt } from './receipt.ts';
import type { Settlement } from './settleInference.ts';
import { splitFee } from './splitFee.ts';

/**
 * What every priced answer shares once its contribution weights are chosen: the payees of those
 * contributions, the fee split over the developer, them and the protocol, the receipt saying so,
 * and the settlement carrying all three.
 */
export async function settleByWeights(
  deps: Deps,
  input: {
    reservation: { callId: string; attempt: number };
    terms: ModelTerms;
    generated: GeneratedAnswer;
    sampling: Omit<GenerationRequest, 'prompt'>;
    prompt: string;
    weights: readonly { contributionId: string; weight: bigint }[];
    fallback: boolean;
    basis?: NonNullable<Receipt['attribution']['basis']>;
    minSpan: number;
    /** Hold the data and validators parts in escrow instead of paying them now (see splitFee). */
    escrowContributions?: boolean;
  },
): Promise<Settlement> {
  const { terms, generated, weights } = input;
  const payees = await loadPayees(
    deps,
    weights.map((w) => w.contributionId),
    deps.now(),
  );
  const split = splitFee({
    fee: terms.pricePerCall,
    split: terms.split,
    developerAccountId: terms.developerAccountId,
    weights,
    payees,
    escrowContributions: input.escrowContributions,
  });
  const receipt = buildReceipt({
    callId: input.reservation.callId,
    terms,
    sampling: input.sampling,
    prompt: input.prompt,
    generated,
    fallback: input.fallback,
    basis: input.basis,
    minSpan: input.minSpan,
    weights,
    payees,
    split,
  });
  return {
    callId: input.reservation.callId,
    attempt: input.reservation.attempt,
    modelId: terms.modelId,
    datanetId: terms.datanetId,
    fee: terms.pricePerCall,
    split,
    answer: generated.answer,
    receipt,
  };
}
