// The checks the contribution use case runs on every item; one function per module.
export { contentHash } from './contentHash.ts';
export { deserializeSignature } from './deserializeSignature.ts';
export type { LanguageDetection } from './detectLanguage.ts';
export { detectLanguage } from './detectLanguage.ts';
export { estimateSimilarity } from './estimateSimilarity.ts';
export { isSupportedLanguage } from './isSupportedLanguage.ts';
export { DEFAULT_BANDS, lshBandKeys } from './lshBandKeys.ts';
export { DEFAULT_PERMUTATIONS, DEFAULT_SHINGLE_LENGTH } from './minhashParams.ts';
export type { MinhashOptions } from './minhashSignature.ts';
export { minhashSignature } from './minhashSignature.ts';
export { normalizeText } from './normalizeText.ts';
export type { ContributionFileLimits } from './parseContributionFile.ts';
export { ACCEPTED_EXTENSIONS, parseContributionFile } from './parseContributionFile.ts';
export type { AutomaticCheckOptions, AutomaticCheckResult } from './runAutomaticChecks.ts';
export { runAutomaticChecks } from './runAutomaticChecks.ts';
export { serializeSignature } from './serializeSignature.ts';
