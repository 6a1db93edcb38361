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

/** Deterministic uniform [0, 1) stream (mulberry32). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
