import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { AppError, badInput } from '../errors.ts';
import type { BaseModel } from './baseModel.ts';
import { CausalLmSession } from './causalLmSession.ts';
import { shiftedTokenizer, toModelIds } from './shiftedTokenizer.ts';
import { withTransformersEnv } from './withTransformersEnv.ts';

export interface LoadBaseModelOptions {
  /** A local folder (config.json, tokenizer.json, onnx/model.onnx) or a hub id such as `owner/name`. */
  source: string;
  /** Hub ids only: download what the cache lacks. Off by default so nothing leaves the machine. */
  allowRemoteModels?: boolean;
  /** Where hub downloads are cached and looked for (`<cacheDir>/<owner>/<name>/…` also works). */
  cacheDir?: string;
}

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];
const HUB_ID = /^[\w\-.]+\/[\w\-.]{1,96}$/;

/**
 * Loads a causal LM with transformers.js (ONNX, fp32, CPU) behind the BaseModel port.
 *
 * Token ids are the model's ids plus one: the ∞-gram corpus reserves id 0 for document separators,
 * while model vocabularies use id 0 for a real token (GPT-2's "!", Llama's <unk>). So `encode`
 * returns model id + 1, `decode` takes those ids back, `vocabSize` is the model's plus one and the
 * distribution's entry 0 is always 0. Both sides of an interpolation then index the same way.
 */
export async function loadBaseModel(options: LoadBaseModelOptions): Promise<BaseModel> {
  const { source, allowRemoteModels = false, cacheDir } = options;
  if (typeof source !== 'string' || source.trim() === '') {
    throw badInput('Base model source must be a folder path or a hub id.', { source });
  }
  const isHub = !looksLikePath(source) && !fs.existsSync(source) && HUB_ID.test(source);
  const location = isHub ? source : path.resolve(source.replace(/^~(?=$|[/\\])/, os.homedir()));
  if (!isHub) checkFolder(location);

  const loadOptions = {
    local_files_only: !(isHub && allowRemoteModels),
    ...(cacheDir ? { cache_dir: cacheDir } : {}),
  };
  const [tokenizer, model] = await withTransformersEnv(
    {
      allowLocalModels: true,
      allowRemoteModels: isHub && allowRemoteModels,
      // Absolute folders are read as they are; hub ids are also looked for under cacheDir.
      ...(isHub ? {} : { localModelPath: path.dirname(location) }),
      ...(cacheDir ? { cacheDir, ...(isHub ? { localModelPath: cacheDir } : {}) } : {}),
    },
    async () => {
      try {
        const t = await AutoTokenizer.from_pretrained(location, loadOptions);
        const m = await AutoModelForCausalLM.from_pretrained(location, {
          ...loadOptions,
          dtype: 'fp32',
          device: 'cpu',
        });
        return [t, m] as const;
      } catch (error) {
        throw loadFailure(source, location, isHub, allowRemoteModels, error);
      }
    },
  );
  return wrap(location, tokenizer, model);
}

function wrap(source: string, tokenizer: PreTrainedTokenizer, model: PreTrainedModel): BaseModel {
  const config = model.config as unknown as Record<string, unknown>;
  const logitsSize = positiveInteger(config.vocab_size) ?? tokenizer.get_vocab().size;
  const vocabSize = Math.max(logitsSize, tokenizer.get_vocab().size) + 1;
  const maxContext =
    positiveInteger(config.max_position_embeddings) ?? positiveInteger(tokenizer.model_max_length) ?? 2048;
  const session = new CausalLmSession(model, logitsSize, maxContext);
  const bos = idOrUndefined(tokenizer.bos_token_id);
  const eos = idOrUndefined(tokenizer.eos_token_id);
  // Models trained with a leading BOS see one here too; an empty context needs some first token.
  const lead = tokenizer.add_bos_token && bos !== undefined ? [bos] : [];
  const start = bos ?? eos;

  return {
    source,
    tokenizer: shiftedTokenizer(tokenizer, vocabSize),
    async nextTokenDistribution(context: Uint32Array): Promise<Float32Array> {
      if (session.isClosed) {
        throw new AppError('UNAVAILABLE', 'This base model was closed; load it again.');
      }
      // Past the model's window the oldest tokens go, but a leading BOS stays.
      const all = toModelIds(context, vocabSize);
      const ids = [...lead, ...all.slice(Math.max(0, all.length - (maxContext - lead.length)))];
      if (ids.length === 0) {
        if (start === undefined) {
          throw badInput('This base model needs at least one context token (it has no BOS token).');
        }
        ids.push(start);
      }
      const probabilities = await session.probabilities(ids);
      const shifted = new Float32Array(vocabSize);
      shifted.set(probabilities, 1);
      return shifted;
    },
    close: () => session.close(),
  };
}

function looksLikePath(source: string): boolean {
  return path.isAbsolute(source) || /^\.{1,2}([/\\]|$)/.test(source) || source.startsWith('~');
}

function checkFolder(folder: string): void {
  if (!fs.existsSync(folder)) {
    throw badInput(
      `Base model folder ${folder} does not exist. Point the base model at a folder holding ` +
        'config.json, tokenizer.json and onnx/model.onnx (for tests, writeTinyCausalLm writes one), ' +
        'or give a hub id such as owner/name.',
      { path: folder },
    );
  }
  if (!fs.statSync(folder).isDirectory()) {
    throw badInput(`Base model path ${folder} is a file; it must be a model folder.`, { path: folder });
  }
  const missing = REQUIRED_FILES.filter((file) => !fs.existsSync(path.join(folder, file)));
  if (missing.length > 0) {
    throw badInput(
      `Base model folder ${folder} lacks ${missing.join(', ')}. Export the model to ONNX ` +
        '(e.g. with Optimum) so the folder holds config.json, tokenizer.json and onnx/model.onnx.',
      { path: folder, missing },
    );
  }
}

function loadFailure(
  source: string,
  location: string,
  isHub: boolean,
  allowRemoteModels: boolean,
  error: unknown,
): AppError {
  // The library's message is kept as the cause and a short first line; its stack is not shown.
  const reason = String(error instanceof Error ? error.message : error)
    .split('\n')[0]
    .slice(0, 300);
  if (isHub) {
    const hint = allowRemoteModels
      ? 'Check the id and the network, or download it beforehand and load it from a folder.'
      : 'Remote downloads are off: download it into the cache beforehand, load it from a folder, ' +
        'or allow remote models.';
    const message = `Base model ${source} could not be loaded. ${hint}`;
    return new AppError('UNAVAILABLE', message, { source, reason }, { cause: error });
  }
  return new AppError(
    'BAD_INPUT',
    `Base model folder ${location} could not be loaded as a causal LM (${reason}). ` +
      'Check its files or re-export it to ONNX.',
    { path: location, reason },
    { cause: error },
  );
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function idOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
