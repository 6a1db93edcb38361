import { parentPort } from 'node:worker_threads';
import { ArtifactStore } from '../artifactStore.ts';
import type { InfluenceScorer } from '../influenceScorer.ts';
import { TfjsInfluenceScorer } from './tfjsInfluenceScorer.ts';

// Worker-thread side of ThreadInfluenceScorer: tfjs runs here, off the service's event loop.
const scorers = new Map<string, TfjsInfluenceScorer>();

parentPort?.on(
  'message',
  async (msg: { id: number; storeRoot: string; request: Parameters<InfluenceScorer['score']>[0] }) => {
    try {
      let scorer = scorers.get(msg.storeRoot);
      if (!scorer) {
        scorer = new TfjsInfluenceScorer(new ArtifactStore(msg.storeRoot));
        scorers.set(msg.storeRoot, scorer);
      }
      parentPort?.postMessage({ id: msg.id, scores: await scorer.score(msg.request) });
    } catch (error) {
      parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
    }
  },
);
