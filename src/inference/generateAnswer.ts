import { type Attribution, attributeAnswer } from '../attribution/attributeAnswer.ts';
import type { TrainedModel } from '../ml/loadTrainedModel.ts';

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
  /** Where each answer token's text starts in `answer` (length tokens + 1), to show matched spans. */
  tokenStarts?: number[];
}

/**
 * The model part of a call: ∞-gram generation (mixed with the base model when the artifact has
 * one) from a seed, then span attribution of the answer against the same index, counted from the
 * prompt's context as generation counts it. Same model, same request, same seed: same answer and
 * same attribution, which is what makes replays verifiable.
 *
 * The ∞-gram alone stops at the end of the text it follows, and gives no answer at all (stop
 * reason 'no_context') to a prompt whose last token occurs nowhere in the snapshot, rather than
 * sampling single-word frequencies.
 */
export async function generateAnswer(
  model: TrainedModel,
  request: GenerationRequest,
): Promise<GeneratedAnswer> {
  // A trailing space typed after the last word is not part of what should be continued.
  const prompt = model.tokenizer.encode(request.prompt.replace(/[ \t]+$/u, ''));
  const base = model.baseModel;
  const generated = await model.infiniGram.generate(prompt, {
    maxTokens: request.maxTokens,
    temperature: request.temperature,
    topK: request.topK,
    seed: request.seed,
    stopTokens: model.tokenizer.stopTokens,
    minContext: 1,
    external: base
      ? {
          distribution: (context) => base.nextTokenDistribution(context),
          lambda: model.manifest.build.mixWeight,
        }
      : undefined,
  });
  const attribution = attributeAnswer(model.index, generated.tokens, {
    minSpan: model.manifest.build.minSpan,
    prompt,
    endsDocument: generated.stopReason === 'end_of_document',
    evidence: generated.states,
  });
  const decoded = model.tokenizer.decodeWithOffsets(generated.tokens);
  return {
    answer: decoded.text,
    tokens: generated.tokens,
    stopReason: generated.stopReason,
    attribution,
    tokenStarts: decoded.starts,
  };
}
