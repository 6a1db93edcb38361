import { attributeAnswer } from '../attribution/attributeAnswer.ts';
import { AppError } from '../errors.ts';
import type { LoraArtifact } from '../ml/serving/loraArtifact.ts';
import type { NeuralRuntime } from '../ml/serving/neuralRuntime.ts';
import type { ModelTerms } from '../models/modelStore.ts';
import type { Deps } from '../shared/deps.ts';
import type { GeneratedAnswer, GenerationRequest } from './generateAnswer.ts';
import { priceNeuralAnswer } from './priceNeuralAnswer.ts';
import type { Settlement } from './settleInference.ts';

export type InfluenceOutcome =
  | { status: 'computed'; scores: { contributionId: string; score: number }[] }
  | { status: 'pending' | 'none' };

/**
 * The model part of a call to a LoRA model: seeded generation on the base with the adapter (the
 * adapter pool), span attribution of the answer against the snapshot's suffix array (OLMoTrace
 * style, the same index and matching as ∞-gram models), and gradient influence within the call's
 * budget; past the budget the data share goes to escrow and a job settles it.
 */
export async function answerWithAdapter(
  deps: Deps,
  input: {
    reservation: { callId: string; attempt: number };
    terms: ModelTerms;
    prompt: string;
    sampling: Omit<GenerationRequest, 'prompt'>;
  },
): Promise<{ answer: string; settlement: Settlement }> {
  const neural = deps.neural;
  if (!neural) throw new AppError('UNAVAILABLE', 'This server does not serve LoRA models.');
  const artifact = await neural.artifact(input.terms.artifactHash);
  const basePath = await neural.basePath(artifact.baseModel);
  const generation = await neural.generator.generate({
    baseModel: basePath,
    adapterPath: artifact.adapterPath,
    adapterKey: artifact.adapterSha256,
    prompt: input.prompt,
    ...input.sampling,
  });
  // Spans are counted from the prompt's context, as for ∞-gram answers: an answer that continues
  // the prompt's line credits that line from its first token.
  const attribution = attributeAnswer(artifact.index, toIndexTokens(artifact, generation.tokens), {
    minSpan: artifact.minSpan,
    prompt: toIndexTokens(artifact, generation.promptTokens),
  });
  const generated: GeneratedAnswer = {
    answer: generation.text,
    tokens: Uint32Array.from(generation.tokens),
    stopReason: generation.stopReason,
    attribution,
  };
  const influence = await influenceWithinBudget(neural, artifact, basePath, {
    promptTokens: generation.promptTokens,
    answerTokens: generation.tokens,
  });
  const settlement = await priceNeuralAnswer(deps, {
    ...input,
    artifact,
    generated,
    influence,
    pending: { promptTokens: generation.promptTokens, answerTokens: generation.tokens },
    influenceWeight: neural.options.influenceWeight,
  });
  return { answer: generation.text, settlement };
}

/** Model token ids as the index stores them (shifted past the separator id 0). */
const toIndexTokens = (artifact: LoraArtifact, tokens: readonly number[]) =>
  Int32Array.from(tokens, (t) => t + artifact.tokenOffset);

/**
 * Influence if the artifact has gradient features and a scorer is wired, within the budget; the
 * scorer is asked to stop once the budget is spent, and the job recomputes it from scratch.
 */
export async function influenceWithinBudget(
  neural: NeuralRuntime,
  artifact: LoraArtifact,
  basePath: string,
  tokens: { promptTokens: readonly number[]; answerTokens: readonly number[] },
  budgetMs = neural.options.influenceBudgetMs,
): Promise<InfluenceOutcome> {
  if (!artifact.influence || tokens.answerTokens.length === 0) return { status: 'none' };
  // Without a scorer in this process nothing could ever finish the escrow: spans alone, now.
  if (!neural.influence) return { status: 'none' };
  if (budgetMs <= 0) return { status: 'pending' };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, budgetMs);
  });
  try {
    const scores = await Promise.race([
      neural.influence.score({ artifact, basePath, ...tokens, signal: controller.signal }),
      expired,
    ]);
    return scores ? { status: 'computed', scores } : { status: 'pending' };
  } catch (error) {
    if (controller.signal.aborted) return { status: 'pending' };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
