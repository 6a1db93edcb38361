import { invalidState } from '../errors.ts';
import type { CorpusIndex } from './corpusIndex.ts';

/**
 * Binary layout (all integers in host byte order, which must be little-endian):
 *   header: 8-byte magic, then u32 version, byte-order mark, text length, document count,
 *   token limit, contribution-ids byte length, 2 reserved words (40 bytes, keeping what follows
 *   4-byte aligned);
 *   text i32[textLength], suffixArray i32[textLength], documentStarts i32[documents],
 *   documentContributions i32[documents], contribution ids as a UTF-8 JSON array.
 * Arrays come first and aligned so a loader can view them in place with no per-element parse.
 */
export const INDEX_MAGIC = 'PLCKIDX1';
export const INDEX_VERSION = 1;
export const INDEX_HEADER_BYTES = 40;
export const BYTE_ORDER_MARK = 0x01020304;

export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function serializeCorpusIndex(index: CorpusIndex): Buffer {
  if (!HOST_IS_LITTLE_ENDIAN) throw invalidState('Corpus index files are little-endian only.');
  const ids = Buffer.from(JSON.stringify(index.contributionIds), 'utf8');
  const n = index.text.length;
  const d = index.documentStarts.length;
  const buffer = Buffer.alloc(INDEX_HEADER_BYTES + 8 * n + 8 * d + ids.length);
  buffer.write(INDEX_MAGIC, 0, 'latin1');
  let at = 8;
  for (const word of [INDEX_VERSION, BYTE_ORDER_MARK, n, d, index.tokenLimit, ids.length, 0, 0]) {
    buffer.writeUInt32LE(word, at);
    at += 4;
  }
  for (const array of [index.text, index.suffixArray, index.documentStarts, index.documentContributions]) {
    buffer.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  ids.copy(buffer, at);
  return buffer;
}
