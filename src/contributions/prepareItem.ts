import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { contentHash } from './checks/contentHash.ts';
import { lshBandKeys } from './checks/lshBandKeys.ts';
import { minhashSignature } from './checks/minhashSignature.ts';
import { normalizeText } from './checks/normalizeText.ts';
import { runAutomaticChecks } from './checks/runAutomaticChecks.ts';
import { serializeSignature } from './checks/serializeSignature.ts';

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
    minhash: serializeSignature(signature),
    bandKeys: lshBandKeys(signature),
  };
}
