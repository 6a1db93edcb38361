import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { DoctorCheck } from './doctorCheck.ts';

const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];

/** Base models named by trained models' manifests: serving them needs them in the catalog on this disk. */
export function checkModels(config: Config): DoctorCheck[] {
  const artifacts = path.join(config.dataDir, 'artifacts');
  const manifests = fs.existsSync(artifacts)
    ? fs.readdirSync(artifacts).filter((f) => f.endsWith('.json'))
    : [];
  const bases = new Set<string>();
  for (const file of manifests) {
    try {
      const base = JSON.parse(fs.readFileSync(path.join(artifacts, file), 'utf8')).baseModel;
      if (typeof base === 'string') bases.add(base);
    } catch {
      // A half-written or foreign file is not a trained model; serving reports its own errors.
    }
  }
  if (bases.size === 0) {
    return [
      {
        name: 'models',
        ready: true,
        detail: `${manifests.length} trained model(s), none on a base model folder`,
      },
    ];
  }
  // Manifests name catalog entries (BASE_MODELS_DIR); this is the operator's view, so paths are fine here.
  const dir = config.training.baseModelsDir;
  return [...bases].map((base) => {
    const folder = path.join(dir, base);
    const missing = REQUIRED_MODEL_FILES.filter((f) => !fs.existsSync(path.join(folder, f)));
    if (missing.length === 0 || fs.existsSync(`${folder}.gguf`)) {
      return { name: 'base model', ready: true, detail: `${base}: in ${dir}` };
    }
    return {
      name: 'base model',
      ready: false,
      detail: `${base}: ${fs.existsSync(folder) ? `${folder} lacks ${missing.join(', ')}` : `not in ${dir}`}`,
      fix: 'put the model trained models were built on back into BASE_MODELS_DIR under the same name',
    };
  });
}
