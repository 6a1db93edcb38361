import type { CorpusIndex } from '../attribution/corpusIndex.ts';
import { InfiniGram } from '../attribution/infiniGram.ts';
import { loadCorpusIndex } from '../attribution/loadCorpusIndex.ts';
import { Vocabulary } from '../attribution/wordTokenizer.ts';
import { AppError } from '../errors.ts';
import type { ArtifactManifest, ArtifactStore } from './artifactStore.ts';
import type { BaseModel } from './baseModel.ts';
import {
  baseModelTokenizer,
  type CorpusTokenizer,
  LEGACY_WORDS_TOKENIZER_ID,
  WORDS_TOKENIZER_ID,
  wordsTokenizer,
} from './corpusTokenizer.ts';

/** A trained model ready to serve: its index, ∞-gram, tokenizer and (if any) neural base model. */
export interface TrainedModel {
  artifactHash: string;
  manifest: ArtifactManifest;
  index: CorpusIndex;
  infiniGram: InfiniGram;
  tokenizer: CorpusTokenizer;
  baseModel: BaseModel | null;
}

/**
 * Reads an artifact back from the store, checking every hash, and refuses one whose tokenizer this
 * process cannot reproduce exactly (a different tokenizer would silently attribute wrong spans).
 */
export async function loadTrainedModel(
  store: ArtifactStore,
  artifactHash: string,
  baseModelOf: (source: string) => Promise<BaseModel>,
): Promise<TrainedModel> {
  const manifest = await store.readManifest(artifactHash);
  if (manifest.format !== 'potluck-artifact-1') {
    throw new AppError('INTERNAL', `Artifact ${artifactHash} has an unknown format.`, {
      format: manifest.format,
    });
  }
  const index = loadCorpusIndex(await store.readBlob(manifest.files.index));
  let tokenizer: CorpusTokenizer;
  let baseModel: BaseModel | null = null;
  if (manifest.baseModel) baseModel = await baseModelOf(manifest.baseModel);
  if (manifest.tokenizer.kind === 'base') {
    if (!baseModel) throw new AppError('INTERNAL', `Artifact ${artifactHash} names no base model.`);
    tokenizer = baseModelTokenizer(baseModel);
  } else {
    if (!manifest.files.vocabulary)
      throw new AppError('INTERNAL', `Artifact ${artifactHash} has no vocabulary.`);
    // Artifacts built before words-v2 still load, with the tokenizer they were built with (no
    // ZWNJ folding, no separators kept); their indexes already end each document with a separator.
    if (manifest.tokenizer.id !== WORDS_TOKENIZER_ID && manifest.tokenizer.id !== LEGACY_WORDS_TOKENIZER_ID) {
      throw new AppError(
        'UNAVAILABLE',
        `Artifact ${artifactHash} needs tokenizer ${manifest.tokenizer.id}, which this server does not have; retrain the model.`,
        { tokenizer: manifest.tokenizer.id },
      );
    }
    const vocabulary = Vocabulary.fromBuffer(await store.readBlob(manifest.files.vocabulary));
    tokenizer = wordsTokenizer(vocabulary);
  }
  if (tokenizer.id !== manifest.tokenizer.id || tokenizer.tokenLimit !== index.tokenLimit) {
    throw new AppError(
      'UNAVAILABLE',
      `The base model at ${manifest.baseModel} no longer has the tokenizer this model was trained with.`,
      { expected: manifest.tokenizer.id, found: tokenizer.id },
    );
  }
  return { artifactHash, manifest, index, infiniGram: new InfiniGram(index), tokenizer, baseModel };
}
