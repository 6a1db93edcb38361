import type { LoraTarget } from './loraAdapter.ts';

export interface LoraTrainingConfig {
  rank: number;
  alpha: number;
  /** Dropout on the LoRA path's input while training. */
  dropout: number;
  targets: LoraTarget[];
  learningRate: number;
  epochs: number;
  /** Sequences per optimiser step. */
  batchSize: number;
  /** Tokens per training sequence (documents are packed, then cut to this length). */
  maxSeqLen: number;
  /** Stop after this many trained tokens (null: all epochs). */
  tokenBudget: number | null;
  seed: number;
}

/** The usual LoRA starting point: rank 8 on q and v, alpha 2·rank, light dropout. */
export const DEFAULT_LORA_CONFIG: LoraTrainingConfig = {
  rank: 8,
  alpha: 16,
  dropout: 0.05,
  targets: ['q', 'v'],
  learningRate: 5e-4,
  epochs: 1,
  batchSize: 4,
  maxSeqLen: 128,
  tokenBudget: null,
  seed: 0,
};
