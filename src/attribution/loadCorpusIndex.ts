import { badInput, invalidState } from '../errors.ts';
import { CorpusIndex } from './corpusIndex.ts';
import {
  BYTE_ORDER_MARK,
  HOST_IS_LITTLE_ENDIAN,
  INDEX_HEADER_BYTES,
  INDEX_MAGIC,
  INDEX_VERSION,
} from './serializeCorpusIndex.ts';

/**
 * Loads what `serializeCorpusIndex` wrote. The arrays are views over `buffer` (copied once only if
 * it is not 4-byte aligned), so loading costs the header checks, not a pass over the corpus; the
 * buffer must not be modified afterwards. Array contents are trusted: only sizes are checked.
 */
export function loadCorpusIndex(buffer: Uint8Array): CorpusIndex {
  if (!HOST_IS_LITTLE_ENDIAN) throw invalidState('Corpus index files are little-endian only.');
  let bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.length < INDEX_HEADER_BYTES || bytes.toString('latin1', 0, 8) !== INDEX_MAGIC) {
    throw badInput('Buffer does not hold a corpus index.');
  }
  const word = (i: number) => bytes.readUInt32LE(8 + 4 * i);
  if (word(0) !== INDEX_VERSION) throw badInput('Unsupported corpus index version.', { version: word(0) });
  if (word(1) !== BYTE_ORDER_MARK) throw badInput('Corpus index has the wrong byte order.');
  const n = word(2);
  const d = word(3);
  const tokenLimit = word(4);
  const idsLength = word(5);
  const expected = INDEX_HEADER_BYTES + 8 * n + 8 * d + idsLength;
  if (bytes.length !== expected) {
    throw badInput('Corpus index is truncated or has trailing bytes.', { expected, actual: bytes.length });
  }
  if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes);
  let at = bytes.byteOffset + INDEX_HEADER_BYTES;
  const view = (length: number) => {
    const array = new Int32Array(bytes.buffer, at, length);
    at += 4 * length;
    return array;
  };
  const text = view(n);
  const suffixArray = view(n);
  const documentStarts = view(d);
  const documentContributions = view(d);
  const idsStart = at - bytes.byteOffset;
  let contributionIds: unknown;
  try {
    contributionIds = JSON.parse(bytes.toString('utf8', idsStart, idsStart + idsLength));
  } catch {
    throw badInput('Corpus index contribution ids are corrupt.');
  }
  if (!Array.isArray(contributionIds) || !contributionIds.every((id) => typeof id === 'string')) {
    throw badInput('Corpus index contribution ids are corrupt.');
  }
  return new CorpusIndex(
    text,
    suffixArray,
    documentStarts,
    documentContributions,
    contributionIds,
    tokenLimit,
  );
}
