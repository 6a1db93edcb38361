import * as catalog from '../ml/baseModelCatalog.ts';
import type { Deps } from '../shared/deps.ts';

export interface BaseModelInfo {
  name: string;
  format: 'gguf' | 'transformers';
}

/** The base models a training run may name: names and formats only, never where they live. */
export async function listBaseModels(deps: Deps): Promise<{ baseModels: BaseModelInfo[] }> {
  const entries = await catalog.listBaseModels(deps.config.training.baseModelsDir);
  return { baseModels: entries.map(({ name, format }) => ({ name, format })) };
}
