import { env } from '@huggingface/transformers';

export interface TransformersEnvSettings {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  cacheDir: string | null;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with transformers.js's global `env` set as given and puts the previous values back
 * afterwards. The library reads `env` at every await of a load, so loads are queued one at a time:
 * otherwise two models loading at once (one remote-enabled, one offline) would see each other's
 * settings, and a later load would inherit whatever the last one left behind.
 */
export function withTransformersEnv<T>(
  settings: Partial<TransformersEnvSettings>,
  fn: () => Promise<T>,
): Promise<T> {
  const run = async () => {
    const saved: TransformersEnvSettings = {
      allowRemoteModels: env.allowRemoteModels,
      allowLocalModels: env.allowLocalModels,
      localModelPath: env.localModelPath,
      cacheDir: env.cacheDir,
    };
    Object.assign(env, settings);
    try {
      return await fn();
    } finally {
      Object.assign(env, saved);
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
