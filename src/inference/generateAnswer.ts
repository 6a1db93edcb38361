import { type Attribution, attributeAnswer } from '../attribution/attributeAnswer.ts';
import type { TrainedModel } from '../training/loadTrainedModel.ts';

export interface GenerationRequest {
  prompt: string;
  maxTokens: number;
  temperature: number;
  topK: number;
  seed: number;
}

export interface GeneratedAnswer {
  answer: string;
  tokens: Uint32Array;
  stopReason: string;
  attribution: Attribution;
}

/**
 * The model part of a call: ∞-gram generation (mixed with the base model when the artifact has
 * one) from a seed, then span attribution of the answer against the same index. Same model, same
 * request, same seed: same answer and same attribution, which is what makes replays verifiable.
 */
export async function generateAnswer(
  model: TrainedModel,
  request: GenerationRequest,
): Promise<GeneratedAnswer> {
  const prompt = model.tokenizer.encode(request.prompt);
  const base = model.baseModel;
  const generated = await model.infiniGram.generate(prompt, {
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    topK: request.topK,
    seed: request.seed,
    stopTokens: model.tokenizer.stopTokens,
    external: base
      ? {
          distribution: (context) => base.nextTokenDistribution(context),
          lambda: model.manifest.build.mixWeight,
        }
      : undefined,
  });
  const attribution = attributeAnswer(model.index, generated.tokens, {
    minSpan: model.manifest.build.minSpan,
  });
  return {
    answer: model.tokenizer.decode(generated.tokens),
    tokens: generated.tokens,
    stopReason: generated.stopReason,
    attribution,
  };
}
