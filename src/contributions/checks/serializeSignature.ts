/**
 * MinHash signature as bytes for a bytea column: each value as 4 bytes little-endian, so stored
 * rows read back the same on any machine (a raw view of the Uint32Array would follow the host's
 * byte order).
 */
export function serializeSignature(sig: Uint32Array): Buffer {
  const buf = Buffer.allocUnsafe(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
}
