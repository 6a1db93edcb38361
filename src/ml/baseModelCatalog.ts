import fs from 'node:fs/promises';
import path from 'node:path';
import { badInput } from '../errors.ts';

/**
 * The operator's base models: the only ones a training run may name. Users choose by name, so no
 * request ever carries a server path, and no message here ever shows one (the directory included).
 *
 * `<dir>/<name>.gguf` is a GGUF base; `<dir>/<name>/` holding config.json is a transformers.js
 * (ONNX) base. Where both exist under one name the folder wins, so a name always means one model.
 */
export interface BaseModelEntry {
  name: string;
  format: 'gguf' | 'transformers';
  /** Server-side only: never put this in a result, message or error detail. */
  path: string;
}

const BASE_MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Every usable base model in `dir`, sorted by name; a missing directory is an empty catalog. */
export async function listBaseModels(dir: string): Promise<BaseModelEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const byName = new Map<string, BaseModelEntry>();
  for (const entry of names) {
    const full = path.join(dir, entry);
    // stat follows links: an operator may link a model in from elsewhere.
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) continue;
    if (stat.isDirectory() && BASE_MODEL_NAME.test(entry)) {
      const config = await fs.stat(path.join(full, 'config.json')).catch(() => null);
      if (config?.isFile()) byName.set(entry, { name: entry, format: 'transformers', path: full });
    } else if (stat.isFile() && entry.endsWith('.gguf')) {
      const name = entry.slice(0, -'.gguf'.length);
      if (BASE_MODEL_NAME.test(name) && byName.get(name)?.format !== 'transformers') {
        byName.set(name, { name, format: 'gguf', path: full });
      }
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The catalog entry called `name`; anything else is BAD_INPUT (field `baseModel`) listing the names. */
export async function resolveBaseModel(dir: string, name: string): Promise<BaseModelEntry> {
  const entries = await listBaseModels(dir);
  const found = BASE_MODEL_NAME.test(name) ? entries.find((e) => e.name === name) : undefined;
  if (found) return found;
  const available = entries.map((e) => e.name);
  // The input is not echoed: it may be a path, and a message that repeats it reads like a lookup.
  const message =
    available.length === 0
      ? 'baseModel: no base models are installed on this server; ask the operator to add one.'
      : `baseModel: not a base model on this server. Choose one of: ${available.join(', ')}.`;
  throw badInput(message, { field: 'baseModel', fields: [{ field: 'baseModel', message }], available });
}
