import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { DoctorCheck } from './doctorCheck.ts';

const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];

/** Base model folders named by trained models' manifests: serving them needs those files on this disk. */
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
  return [...bases].map((base) => {
    const isPath = path.isAbsolute(base) || base.startsWith('.') || base.startsWith('~');
    if (!isPath)
      return { name: 'base model', ready: true, detail: `${base}: a hub id, loaded from the local cache` };
    const missing = REQUIRED_MODEL_FILES.filter((f) => !fs.existsSync(path.join(base, f)));
    return missing.length === 0
      ? { name: 'base model', ready: true, detail: `${base} has ${REQUIRED_MODEL_FILES.join(', ')}` }
      : {
          name: 'base model',
          ready: false,
          detail: `${base} lacks ${missing.join(', ')}`,
          fix: 'restore the folder a model was trained with, or export it to ONNX again',
        };
  });
}
