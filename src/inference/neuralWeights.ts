import type { LoraArtifact } from '../ml/serving/loraArtifact.ts';
import type { CombinedWeight } from './combineAttribution.ts';

/**
 * What a neural answer's data share is paid by: the combined span and influence weights or, with
 * neither signal (combineAttribution gave null), the adapter's whole snapshot by its tokens.
 */
export function neuralWeights(
  combined: readonly CombinedWeight[] | null,
  artifact: Pick<LoraArtifact, 'contributionTokens'>,
): { contributionId: string; weight: bigint }[] {
  return combined
    ? combined.map((c) => ({ contributionId: c.contributionId, weight: c.weight }))
    : [...artifact.contributionTokens].map(([id, tokens]) => ({
        contributionId: id,
        weight: BigInt(tokens),
      }));
}
