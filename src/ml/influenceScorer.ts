import type { LoraArtifact } from './serving/loraArtifact.ts';

/**
 * Gradient influence of training contributions on one answer (TracIn/TRAK over the adapter): the
 * answer's projected adapter gradient dotted with each contribution's stored features. Scores are
 * raw (any sign, any scale); the pricing normalises them (see combineAttribution).
 */
export interface InfluenceScorer {
  score(request: {
    artifact: LoraArtifact;
    /** Path of the base GGUF the adapter was trained on. */
    basePath: string;
    promptTokens: readonly number[];
    answerTokens: readonly number[];
    /** Aborted when the call's budget runs out: stop at the next layer or checkpoint. */
    signal?: AbortSignal;
  }): Promise<{ contributionId: string; score: number }[]>;
  close?(): Promise<void>;
}
