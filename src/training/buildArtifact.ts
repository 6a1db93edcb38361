import { buildCorpusIndex, type CorpusDocument } from '../attribution/buildCorpusIndex.ts';
import type { CorpusIndex } from '../attribution/corpusIndex.ts';
import { INDEX_MAGIC, serializeCorpusIndex } from '../attribution/serializeCorpusIndex.ts';
import { Vocabulary } from '../attribution/wordTokenizer.ts';
import { AppError } from '../errors.ts';
import type { ArtifactManifest } from '../ml/artifactStore.ts';
import type { BaseModel } from '../ml/baseModel.ts';
import { baseModelTokenizer, type CorpusTokenizer, wordsTokenizer } from '../ml/corpusTokenizer.ts';
import type { TrainingOptions } from './trainingOptions.ts';

export interface SnapshotDocument {
  contributionId: string;
  contentHash: string;
  text: string;
}

export interface BuildArtifactInput {
  datanetId: string;
  snapshotRoot: string;
  documents: readonly SnapshotDocument[];
  options: TrainingOptions;
  /** Required when options.tokenizer is 'base'. */
  baseModel?: BaseModel;
  onProgress?: (fraction: number, message: string) => Promise<void>;
  signal?: AbortSignal;
}

export interface BuiltArtifact {
  /** Everything but `files`, which the store fills in once the blobs are written. */
  manifest: Omit<ArtifactManifest, 'files'>;
  index: CorpusIndex;
  indexBytes: Buffer;
  vocabularyBytes: Buffer | null;
}

const PROGRESS_STEPS = 20;

/**
 * Tokenises the snapshot in its order (so a words vocabulary gets the same ids every time),
 * builds the suffix array and serialises it. Deterministic: the same input gives the same bytes.
 * Progress runs 0.05–0.7 while tokenising and 0.7–0.9 for the suffix array; the caller does the rest.
 */
export async function buildArtifact(input: BuildArtifactInput): Promise<BuiltArtifact> {
  const { documents, options, onProgress = async () => {}, signal } = input;
  let vocabulary: Vocabulary | null = null;
  let tokenizer: CorpusTokenizer;
  if (options.tokenizer === 'base') {
    if (!input.baseModel)
      throw new AppError('INTERNAL', 'A base-tokenizer build needs its base model loaded.');
    tokenizer = baseModelTokenizer(input.baseModel);
  } else {
    vocabulary = new Vocabulary();
    tokenizer = wordsTokenizer(vocabulary, { grow: true });
  }

  const corpus: CorpusDocument[] = [];
  const step = Math.max(1, Math.ceil(documents.length / PROGRESS_STEPS));
  for (let i = 0; i < documents.length; i++) {
    if (i % step === 0) {
      signal?.throwIfAborted();
      await onProgress(
        0.05 + (0.65 * i) / documents.length,
        `Tokenising ${i} of ${documents.length} contributions`,
      );
    }
    corpus.push({ contributionId: documents[i].contributionId, tokens: tokenizer.encode(documents[i].text) });
  }
  signal?.throwIfAborted();
  await onProgress(0.7, 'Building the suffix array');
  const index = buildCorpusIndex(corpus, { tokenLimit: tokenizer.tokenLimit });
  signal?.throwIfAborted();
  await onProgress(0.9, 'Writing the artifact');

  const contributions = documents.map((d, i) => ({
    id: d.contributionId,
    contentHash: d.contentHash,
    start: index.documentStarts[i],
    tokens: corpus[i].tokens.length,
  }));
  return {
    manifest: {
      format: 'potluck-artifact-1',
      datanetId: input.datanetId,
      snapshotRoot: input.snapshotRoot,
      tokenizer: { kind: tokenizer.kind, id: tokenizer.id, tokenLimit: index.tokenLimit },
      baseModel: options.baseModel,
      build: {
        minSpan: options.minSpan,
        mixWeight: options.mixWeight,
        indexFormat: INDEX_MAGIC,
        documents: 'one-per-contribution',
      },
      contributions,
      totals: { contributions: documents.length, tokens: index.tokenCount },
    },
    index,
    indexBytes: serializeCorpusIndex(index),
    vocabularyBytes: vocabulary ? vocabulary.toBuffer() : null,
  };
}
