import { z } from 'zod';
import { AppError, badInput } from '../errors.ts';
import { LORA_TARGETS } from '../ml/lora/loraAdapter.ts';
import { DEFAULT_LORA_CONFIG, type LoraTrainingConfig } from '../ml/lora/loraTrainingConfig.ts';

/** LoRA hyper-parameters as a developer gives them; unset ones take DEFAULT_LORA_CONFIG's values. */
const loraSchema = z.strictObject({
  rank: z.number().int().min(1).max(128).optional(),
  alpha: z.number().positive().max(4096).optional(),
  dropout: z.number().min(0).max(0.5).optional(),
  targets: z
    .array(z.enum(LORA_TARGETS))
    .min(1)
    .refine((t) => new Set(t).size === t.length, 'must not repeat a module')
    .optional(),
  learningRate: z.number().positive().max(0.1).optional(),
  epochs: z.number().int().min(1).max(100).optional(),
  batchSize: z.number().int().min(1).max(64).optional(),
  maxSeqLen: z.number().int().min(8).max(4096).optional(),
  tokenBudget: z.number().int().min(1).max(1_000_000_000).nullish(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

/** Build options as a developer gives them; `resolveTrainingOptions` fills in and checks the rest. */
export const trainingOptionsSchema = z.object({
  /** 'infini-gram' (default) indexes the snapshot; 'lora' fine-tunes a GGUF base model on it (and indexes it too). */
  kind: z.enum(['infini-gram', 'lora']).optional(),
  /** A name from the operator's base-model catalog; its tokenizer then indexes the corpus and it mixes into generation. */
  baseModel: z.string().trim().min(1).max(200).nullish(),
  tokenizer: z.enum(['words', 'base']).optional(),
  /** Answer tokens whose longest corpus match is shorter than this earn no data credit. */
  minSpan: z.number().int().min(1).max(64).default(4),
  /** Weight of the base model in generation: p = w · neural + (1 - w) · ∞-gram. */
  mixWeight: z.number().min(0).max(1).default(0.5),
  lora: loraSchema.optional(),
});

export interface TrainingOptions {
  kind?: 'infini-gram';
  tokenizer: 'words' | 'base';
  baseModel: string | null;
  minSpan: number;
  mixWeight: number;
}

/** A LoRA fine-tune of a catalog GGUF base; the suffix-array index is built over the same tokens. */
export interface LoraRunOptions {
  kind: 'lora';
  baseModel: string;
  tokenizer: 'base';
  minSpan: number;
  lora: LoraTrainingConfig;
}

export type RunOptions = TrainingOptions | LoraRunOptions;

const fieldError = (field: string, message: string) =>
  new AppError('BAD_INPUT', `${field}: ${message}`, { field, fields: [{ field, message }] });

export function resolveTrainingOptions(input: z.output<typeof trainingOptionsSchema>): RunOptions {
  const baseModel = input.baseModel ?? null;
  if (input.kind === 'lora') {
    if (!baseModel)
      throw fieldError('options.baseModel', 'a LoRA run needs a base model (a name from list_base_models)');
    if (input.tokenizer === 'words')
      throw fieldError('options.tokenizer', 'a LoRA run trains on the base model\'s own tokens; use "base"');
    return {
      kind: 'lora',
      baseModel,
      tokenizer: 'base',
      minSpan: input.minSpan,
      lora: resolveLoraConfig(input.lora ?? {}),
    };
  }
  if (input.lora) throw fieldError('options.lora', 'LoRA settings need options.kind "lora"');
  const tokenizer = input.tokenizer ?? (baseModel ? 'base' : 'words');
  if (tokenizer === 'base' && !baseModel) {
    throw badInput('tokenizer "base" needs a baseModel (a name from list_base_models).');
  }
  // Mixing needs both distributions over the same ids, so a base model brings its tokenizer.
  if (baseModel && tokenizer === 'words') {
    throw badInput('A base model needs tokenizer "base": both models must share token ids to be mixed.');
  }
  return { tokenizer, baseModel, minSpan: input.minSpan, mixWeight: baseModel ? input.mixWeight : 0 };
}

function resolveLoraConfig(input: z.output<typeof loraSchema>): LoraTrainingConfig {
  const rank = input.rank ?? DEFAULT_LORA_CONFIG.rank;
  return {
    ...DEFAULT_LORA_CONFIG,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    rank,
    // alpha follows rank unless given, so scale alpha/rank stays 2 whatever the rank.
    alpha: input.alpha ?? 2 * rank,
    tokenBudget: input.tokenBudget ?? null,
  };
}
