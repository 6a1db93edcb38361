/**
 * The contract between training/inference and a neural base model. The ∞-gram index is built
 * with the base model's own tokenizer when one is configured, so both distributions range over
 * the same token ids and can be interpolated token by token.
 */
/**
 * Token ids here are the model's own ids plus one: the corpus index reserves 0 as a separator,
 * while real models use id 0 for an ordinary token. Index 0 of every distribution is 0.
 */
export interface ModelTokenizer {
  /** Stable name recorded in artifact manifests (e.g. "base:<folder hash>" or "words"). */
  id: string;
  vocabSize: number;
  encode(text: string): Uint32Array;
  decode(ids: ArrayLike<number>): string;
  /** End-of-sequence token id, if the tokenizer has one. */
  eosTokenId?: number;
}

export interface BaseModel {
  /** Where it came from: a local folder or a hub id. */
  source: string;
  tokenizer: ModelTokenizer;
  /** Next-token probabilities over `tokenizer.vocabSize` ids (sums to 1). */
  nextTokenDistribution(context: Uint32Array): Promise<Float32Array>;
  close(): Promise<void>;
}
