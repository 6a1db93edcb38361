/**
 * Inverse of serializeSignature. `expectedLength` (values, not bytes) guards against comparing
 * signatures made with different options, which estimateSimilarity would otherwise refuse later
 * with a less helpful message.
 */
export function deserializeSignature(bytes: Uint8Array, expectedLength?: number): Uint32Array {
  if (bytes.length === 0 || bytes.length % 4 !== 0) {
    throw new RangeError(`a signature is a non-empty multiple of 4 bytes, got ${bytes.length}`);
  }
  const n = bytes.length / 4;
  if (expectedLength !== undefined && n !== expectedLength) {
    throw new RangeError(`expected a ${expectedLength}-value signature, got ${n} values`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(n);
  for (let i = 0; i < n; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}
