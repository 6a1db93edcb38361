import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, badInput } from '../errors.ts';
import { amountSchema, formatTokens } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { sha256Hex } from '../shared/hash.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { stableStringify } from '../shared/stableStringify.ts';
import { answerWithAdapter } from './answerWithAdapter.ts';
import { enqueueAttribution } from './enqueueAttribution.ts';
import { generateAnswer } from './generateAnswer.ts';
import { loadModelTerms } from './loadModelTerms.ts';
import { priceAnswer } from './priceAnswer.ts';
import { readCallReceipt } from './readCallReceipt.ts';
import type { Receipt } from './receipt.ts';
import { releaseReservation } from './releaseReservation.ts';
import { reserveFee } from './reserveFee.ts';
import { type Settlement, settleInference } from './settleInference.ts';
import { takePaidCall } from './takePaidCall.ts';

const params = z.object({
  accountId: idSchema,
  modelId: idSchema,
  prompt: z.string().min(1, 'must not be empty'),
  maxTokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(10).default(1),
  topK: z.number().int().min(0).max(100_000).default(0),
  /** Sampling seed; by default derived from the idempotency key, so a replay samples the same. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** Refuse the call if the model costs more than this (base units). */
  maxFee: amountSchema.optional(),
  idempotencyKey: z.string().min(1).max(200),
});
export type InvokeModelParams = z.input<typeof params>;

export interface InvokeModelResult {
  answer: string;
  receipt: Receipt & { receiptHash: string };
  /** True when this key was already settled: nothing was charged this time. */
  replayed: boolean;
  /** Where the time went; not part of the receipt. */
  timing: { totalMs: number; modelMs: number };
}

const DEFAULT_MAX_TOKENS = 64;

/**
 * A paid call: reserve the fee in escrow (no overdraft, ever), generate, attribute, split and store
 * the receipt. Idempotent by (caller, key): a retry returns the same receipt and charges once. If
 * anything fails after the reservation, the fee goes back before the error reaches the caller.
 */
export async function invokeModel(deps: Deps, input: InvokeModelParams): Promise<InvokeModelResult> {
  const started = performance.now();
  const p = parseInput(params, input);
  takePaidCall(deps, p.accountId);
  const limits = deps.config.inference;
  if (p.prompt.length > limits.maxPromptChars) {
    throw new AppError('TOO_LARGE', `Prompts are limited to ${limits.maxPromptChars} characters.`, {
      maxPromptChars: limits.maxPromptChars,
    });
  }
  const maxTokens = p.maxTokens ?? Math.min(DEFAULT_MAX_TOKENS, limits.maxAnswerTokens);
  if (maxTokens > limits.maxAnswerTokens) {
    throw badInput(`maxTokens: at most ${limits.maxAnswerTokens}`, {
      maxAnswerTokens: limits.maxAnswerTokens,
    });
  }
  const terms = await loadModelTerms(deps, p.modelId);
  if (p.maxFee !== undefined && terms.pricePerCall > p.maxFee) {
    throw badInput(
      `This model costs ${formatTokens(terms.pricePerCall)} tokens per call, more than your maxFee of ${formatTokens(p.maxFee)}.`,
      { price: terms.pricePerCall.toString(), maxFee: p.maxFee.toString() },
    );
  }
  const seed = p.seed ?? deriveSeed(p.accountId, p.idempotencyKey);
  const sampling = { seed, temperature: p.temperature, topK: p.topK, maxTokens };
  const requestHash = sha256Hex(
    stableStringify({ modelId: p.modelId, prompt: p.prompt, maxFee: p.maxFee ?? null, ...sampling }),
  );
  const reservation = await reserveFee(deps, {
    callerAccountId: p.accountId,
    idempotencyKey: p.idempotencyKey,
    requestHash,
    modelId: p.modelId,
    fee: terms.pricePerCall,
    seed,
    prompt: p.prompt,
  });
  if (reservation.state === 'settled') {
    const stored = await readCallReceipt(deps.sql, reservation.callId);
    return { answer: stored.answer, receipt: stored.receipt, replayed: true, timing: timing(started, 0) };
  }

  let modelMs = 0;
  let settled: Awaited<ReturnType<typeof settleInference>>;
  let answer = '';
  try {
    const t0 = performance.now();
    const call = { reservation, terms, sampling, prompt: p.prompt };
    const answered =
      terms.kind === 'lora' ? await answerWithAdapter(deps, call) : await answerWithInfiniGram(deps, call);
    modelMs = performance.now() - t0;
    answer = answered.answer;
    settled = await settleInference(deps, answered.settlement);
    if (answered.settlement.pendingAttribution) await enqueueAttribution(deps, reservation.callId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const released = await releaseReservation(deps, {
      callId: reservation.callId,
      attempt: reservation.attempt,
      reason,
    }).catch((releaseError) => {
      // The stale-reservation sweep refunds it later; the caller still gets the first error.
      deps.log.error('could not release an inference reservation', {
        callId: reservation.callId,
        releaseError,
      });
      return false;
    });
    deps.log.warn('inference failed', { callId: reservation.callId, released, error });
    throw error;
  }
  if (settled) return { answer, receipt: settled, replayed: false, timing: timing(started, modelMs) };
  // A concurrent replay of this call settled first: its receipt is the one.
  const stored = await readCallReceipt(deps.sql, reservation.callId);
  return { answer: stored.answer, receipt: stored.receipt, replayed: true, timing: timing(started, modelMs) };
}

async function answerWithInfiniGram(
  deps: Deps,
  call: Omit<Parameters<typeof priceAnswer>[1], 'model' | 'generated'>,
): Promise<{ answer: string; settlement: Settlement }> {
  const model = await deps.modelRuntime.trainedModel(call.terms.artifactHash);
  const generated = await generateAnswer(model, { prompt: call.prompt, ...call.sampling });
  return { answer: generated.answer, settlement: await priceAnswer(deps, { ...call, model, generated }) };
}

/** A seed from the caller and key alone: the same call always samples the same answer. */
function deriveSeed(accountId: string, idempotencyKey: string): number {
  return createHash('sha256').update(`${accountId}:${idempotencyKey}`).digest().readUInt32BE(0);
}

const timing = (started: number, modelMs: number) => ({ totalMs: performance.now() - started, modelMs });
