import type { Sql } from '../db/openDatabase.ts';
import { notFound } from '../errors.ts';
import { findModelTerms, type ModelTerms } from '../models/modelStore.ts';

// Published models are immutable (a trigger forbids updates), so their terms are cached per database.
const cache = new WeakMap<Sql, Map<string, ModelTerms>>();

export async function loadModelTerms(sql: Sql, modelId: string): Promise<ModelTerms> {
  let byId = cache.get(sql);
  if (!byId) {
    byId = new Map();
    cache.set(sql, byId);
  }
  const cached = byId.get(modelId);
  if (cached) return cached;
  const terms = await findModelTerms(sql, modelId);
  if (!terms) throw notFound('Model', modelId);
  if (byId.size > 10_000) byId.clear();
  byId.set(modelId, terms);
  return terms;
}
