import os from 'node:os';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { contentHash } from './checks/contentHash.ts';
import { lshBandInt8Keys } from './checks/lshBandKeys.ts';
import { minhashSignature } from './checks/minhashSignature.ts';
import { normalizeText } from './checks/normalizeText.ts';
import { runAutomaticChecks } from './checks/runAutomaticChecks.ts';
import { serializeSignature } from './checks/serializeSignature.ts';

/**
 * 20 bands of 6 rows: a pair at Jaccard 0.8 becomes a candidate with probability 1-(1-0.8^6)^20
 * = 0.998, one at 0.15 (unrelated verse in one language) with 2e-4. Every candidate costs a
 * signature fetch, so at 25 bands of 5 the false candidates grew with the datanet and dominated
 * ingest (bench/ingest.ts).
 */
const LSH_BANDS = 20;

// serializeSignature's bytes are the signature's own memory on a little-endian host: a view costs no
// copy, and a worker's reply carries the 512 bytes once (structured clone keeps the shared buffer).
const LITTLE_ENDIAN = os.endianness() === 'LE';

export interface PreparedItem {
  index: number;
  source: string;
  normalized: string;
  contentHash: string;
  bytes: number;
  chars: number;
  language: string;
  score: number;
  problems: string[];
  signature: Uint32Array;
  minhash: Buffer;
  /** LSH band keys as signed 64-bit integers (decimal strings) for an int8 index. */
  bandKeys: string[];
}

/** Everything about one item that needs no database: normalise, check, hash, sign. Throws AppError to refuse it. */
export function prepareItem(
  raw: string,
  source: string,
  index: number,
  languages: string[],
  limits: Config['limits'],
): PreparedItem {
  const normalized = normalizeText(raw);
  const checks = runAutomaticChecks(normalized, {
    allowedLanguages: languages,
    maxBytes: limits.maxContributionBytes,
    minChars: limits.minContributionChars,
  });
  if (!checks.languageAllowed) {
    // runAutomaticChecks puts the refusal, naming the accepted languages, first.
    throw new AppError('BAD_INPUT', checks.problems[0], { language: checks.language, accepted: languages });
  }
  const signature = minhashSignature(normalized);
  return {
    index,
    source,
    normalized,
    contentHash: contentHash(normalized),
    bytes: checks.bytes,
    chars: checks.chars,
    language: checks.language,
    score: checks.score,
    problems: checks.problems,
    signature,
    minhash: LITTLE_ENDIAN
      ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength)
      : serializeSignature(signature),
    bandKeys: lshBandInt8Keys(signature, LSH_BANDS),
  };
}
