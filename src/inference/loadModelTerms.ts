import { notFound } from '../errors.ts';
import { findModelTerms, type ModelTerms } from '../models/modelStore.ts';
import type { Deps } from '../shared/deps.ts';

/** A model's price and split; published models are immutable, so the app remembers them (InferenceMemory). */
export async function loadModelTerms(deps: Deps, modelId: string): Promise<ModelTerms> {
  const byId = deps.inference.modelTerms;
  const cached = byId.get(modelId);
  if (cached) return cached;
  const terms = await findModelTerms(deps.sql, modelId);
  if (!terms) throw notFound('Model', modelId);
  if (byId.size > 10_000) byId.clear();
  byId.set(modelId, terms);
  return terms;
}
