import { z } from 'zod';
import { badInput } from '../errors.ts';

/** Build options as a developer gives them; `resolveTrainingOptions` fills in and checks the rest. */
export const trainingOptionsSchema = z.object({
  /** A name from the operator's base-model catalog; its tokenizer then indexes the corpus and it mixes into generation. */
  baseModel: z.string().trim().min(1).max(200).nullish(),
  tokenizer: z.enum(['words', 'base']).optional(),
  /** Answer tokens whose longest corpus match is shorter than this earn no data credit. */
  minSpan: z.number().int().min(1).max(64).default(4),
  /** Weight of the base model in generation: p = w · neural + (1 - w) · ∞-gram. */
  mixWeight: z.number().min(0).max(1).default(0.5),
});

export interface TrainingOptions {
  tokenizer: 'words' | 'base';
  baseModel: string | null;
  minSpan: number;
  mixWeight: number;
}

export function resolveTrainingOptions(input: z.output<typeof trainingOptionsSchema>): TrainingOptions {
  const baseModel = input.baseModel ?? null;
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
