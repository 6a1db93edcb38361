/**
 * The port paid inference uses to run a LoRA model: a base model (by catalog name) with one adapter
 * on top. Implemented by the adapter pool (src/ml/serving) on node-llama-cpp; a GPU or remote server
 * would implement the same. Sampling is seeded, so the same request gives the same tokens: that is
 * what lets an idempotent replay, an eviction and reload, or an auditor reproduce an answer.
 */
export interface NeuralGenerateRequest {
  /** The base GGUF's path, resolved from the operator's catalog by name (never taken from a request). */
  baseModel: string;
  /** The adapter's llama.cpp LoRA GGUF on local disk (content-addressed: its path never changes meaning). */
  adapterPath: string;
  /** Identity of the adapter for caching (its sha256); defaults to the path. */
  adapterKey?: string;
  prompt: string;
  maxTokens: number;
  /** 0: greedy. */
  temperature: number;
  /** 0: no top-k cut. */
  topK: number;
  seed: number;
  signal?: AbortSignal;
}

export interface NeuralGeneration {
  text: string;
  /** The base model's token ids of the prompt as evaluated (BOS included when the model adds one). */
  promptTokens: number[];
  /** Generated token ids, end-of-generation token excluded. */
  tokens: number[];
  stopReason: 'eos' | 'maxTokens';
}

export interface NeuralGenerator {
  generate(request: NeuralGenerateRequest): Promise<NeuralGeneration>;
  close(): Promise<void>;
}
