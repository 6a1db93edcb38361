import type { LlamaContext, Token } from 'node-llama-cpp';
import { AppError } from '../../errors.ts';
import type { NeuralGenerateRequest, NeuralGeneration } from '../neuralGenerator.ts';

/** One seeded generation on a cleared sequence, so the context's past never changes an answer. */
export async function generateOnContext(
  context: LlamaContext,
  request: NeuralGenerateRequest,
): Promise<NeuralGeneration> {
  const model = context.model;
  const sequence = context.getSequence();
  try {
    const promptTokens = model.tokenize(request.prompt, false);
    if (model.tokens.shouldPrependBosToken && model.tokens.bos != null)
      promptTokens.unshift(model.tokens.bos);
    const room = context.contextSize - promptTokens.length;
    if (room < 1) {
      throw new AppError('TOO_LARGE', "This prompt is too long for the model's context.", {
        contextSize: context.contextSize,
      });
    }
    const maxTokens = Math.min(request.maxTokens, room);
    const tokens: Token[] = [];
    let stopReason: NeuralGeneration['stopReason'] = 'maxTokens';
    for await (const token of sequence.evaluate(promptTokens, {
      temperature: request.temperature,
      topK: request.topK,
      seed: request.seed,
      yieldEogToken: true,
    })) {
      if (model.isEogToken(token)) {
        stopReason = 'eos';
        break;
      }
      tokens.push(token);
      if (tokens.length >= maxTokens) break;
      request.signal?.throwIfAborted();
    }
    // A byte-level vocabulary can emit a NUL byte, which no text column (nor JSON in PostgreSQL) stores.
    const text = model.detokenize(tokens).replaceAll('\u0000', '\uFFFD');
    return { text, promptTokens: [...promptTokens], tokens, stopReason };
  } finally {
    sequence.dispose();
  }
}
