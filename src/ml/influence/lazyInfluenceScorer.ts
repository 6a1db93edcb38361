import type { ArtifactStore } from '../../training/artifactStore.ts';
import type { InfluenceScorer } from '../influenceScorer.ts';
import type { TfjsInfluenceScorer } from './tfjsInfluenceScorer.ts';

/** The tfjs scorer, loaded on the first influence request (tfjs and its wasm are heavy to import). */
export function lazyInfluenceScorer(store: ArtifactStore): InfluenceScorer {
  let scorer: Promise<TfjsInfluenceScorer> | null = null;
  const get = () => {
    scorer ??= import('./tfjsInfluenceScorer.ts').then((m) => new m.TfjsInfluenceScorer(store));
    return scorer;
  };
  return {
    score: async (request) => (await get()).score(request),
    close: async () => {
      if (scorer) await (await scorer).close();
    },
  };
}
