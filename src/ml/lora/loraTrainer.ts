import type { LlamaModel } from './llamaModel.ts';
import type { LoraAdapter } from './loraAdapter.ts';
import type { LoraCheckpoint } from './loraCheckpoint.ts';
import type { LoraTrainingConfig } from './loraTrainingConfig.ts';

export interface LoraProgress {
  step: number;
  totalSteps: number;
  epoch: number;
  /** This step's training loss (mean next-token cross-entropy, nats). */
  loss: number;
  tokens: number;
  tokensPerSecond: number;
}

export interface TrainLoraInput {
  model: LlamaModel;
  config: LoraTrainingConfig;
  /** Token ids per training document, framed with BOS/EOS as the model expects. */
  train: readonly (readonly number[])[];
  heldOut: readonly (readonly number[])[];
  resumeFrom?: LoraCheckpoint;
  onProgress?: (p: LoraProgress) => Promise<void> | void;
  /** Called every `checkpointEvery` steps (default 50) with the state to resume from. */
  onCheckpoint?: (c: LoraCheckpoint) => Promise<void> | void;
  checkpointEvery?: number;
  signal?: AbortSignal;
}

export interface LoraEval {
  heldOutTokens: number;
  baseLoss: number;
  adapterLoss: number;
  basePerplexity: number;
  adapterPerplexity: number;
}

export interface TrainLoraResult {
  adapter: LoraAdapter;
  steps: number;
  tokens: number;
  lossCurve: { step: number; loss: number }[];
  /** Null when there is no held-out slice (a one-document snapshot). */
  eval: LoraEval | null;
  seconds: number;
}

/**
 * The port a training backend implements. The tfjs/wasm one runs anywhere Node does; a GPU one
 * (e.g. a PyTorch + PEFT worker, fed the same GGUF base and token ids, returning the adapter in
 * PEFT layout) would plug in here without touching the training run or serving.
 */
export interface LoraTrainer {
  name: string;
  train(input: TrainLoraInput): Promise<TrainLoraResult>;
}
