import { createHash } from 'node:crypto';

/**
 * sha256 (lowercase hex) of the UTF-8 bytes of an already normalised text. Exact duplicates inside
 * a datanet are refused by comparing this value, so it must be taken over `normalizeText` output:
 * hashing raw input would let a stray BOM or CRLF slip a duplicate through.
 */
export function contentHash(normalized: string): string {
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
