import { fmix32 } from './minhashParams.ts';

/**
 * Default band count for 128-value signatures: 25 bands of 5 rows (the last 3 values only feed
 * estimateSimilarity). Two texts become candidates when all 5 rows of at least one band agree,
 * which for Jaccard similarity s happens with probability 1 - (1 - s^5)^25:
 *
 *     s     0.1      0.2     0.3    0.4    0.5    0.6    0.7    0.75    0.8         0.9
 *     P     0.00025  0.008   0.059  0.23   0.55   0.87   0.990  0.9989  1 - 5e-5    1 - 2e-10
 *
 * So a pair at J >= 0.8 is missed about once in 20,000 and one at 0.7 once in 100 (the estimate
 * of a 0.7 pair can still read 0.8, so it matters too), while unrelated texts in one language,
 * whose character 5-gram Jaccard is typically under 0.1, almost never cost a lookup. The
 * threshold (1/25)^(1/5) ≈ 0.53 sits well below the flagging level because a false candidate only
 * costs one signature comparison, a missed near-duplicate costs a validator's attention.
 */
const DEFAULT_BANDS = 25;

// Byte → two hex digits; toString(16).padStart per key was most of this function's time.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(x: number): string {
  return HEX[x >>> 24] + HEX[(x >>> 16) & 0xff] + HEX[(x >>> 8) & 0xff] + HEX[x & 0xff];
}

/**
 * One key per band, `"<band>:<16 hex digits>"`: a 64-bit hash of the band's rows, prefixed with the
 * band index so equal rows in different bands do not match. Store them in an indexed table scoped
 * to the datanet; items sharing any key are near-duplicate candidates, to be confirmed with
 * estimateSimilarity on the stored signatures.
 */
export function lshBandKeys(sig: Uint32Array, bands: number = DEFAULT_BANDS): string[] {
  const hashes = bandHashes(sig, bands);
  const keys: string[] = new Array(bands);
  for (let band = 0; band < bands; band++) {
    keys[band] = `${band}:${hex32(hashes[2 * band])}${hex32(hashes[2 * band + 1])}`;
  }
  return keys;
}

/**
 * The same keys as signed 64-bit integers in decimal, for an int8 column: the 16 hex digits of
 * lshBandKeys read as one two's-complement number (the hash already mixes in the band, so the
 * prefix adds nothing). Made from the two halves directly, without the hex string and its parse.
 */
export function lshBandInt8Keys(sig: Uint32Array, bands: number = DEFAULT_BANDS): string[] {
  const hashes = bandHashes(sig, bands);
  const keys: string[] = new Array(bands);
  for (let band = 0; band < bands; band++) {
    keys[band] = BigInt.asIntN(
      64,
      (BigInt(hashes[2 * band]) << 32n) | BigInt(hashes[2 * band + 1]),
    ).toString();
  }
  return keys;
}

/** Per band, its two 32-bit hashes (unsigned) at 2*band and 2*band+1. */
function bandHashes(sig: Uint32Array, bands: number): Uint32Array {
  if (!Number.isInteger(bands) || bands < 1) throw new RangeError('bands must be a positive integer');
  const rows = Math.floor(sig.length / bands);
  if (rows < 1) throw new RangeError(`a ${sig.length}-value signature cannot make ${bands} bands`);
  const out = new Uint32Array(2 * bands);
  for (let band = 0; band < bands; band++) {
    // Two independently seeded 32-bit hashes: 64 bits keeps accidental collisions between
    // millions of stored bands negligible without making the indexed keys long.
    let h1 = 0x3c6ef372 ^ band;
    let h2 = 0xa54ff53a ^ band;
    for (let r = band * rows; r < (band + 1) * rows; r++) {
      h1 = fmix32(Math.imul(h1 ^ sig[r], 0x01000193));
      h2 = fmix32(Math.imul(h2, 0x5bd1e995) + sig[r]);
    }
    out[2 * band] = h1;
    out[2 * band + 1] = h2;
  }
  return out;
}
