/**
 * Width and height from a PNG's IHDR chunk, after checking the signature and that IHDR comes
 * first: enough to know the bytes are a PNG of the promised size without an image library.
 */
export function pngSize(png: Buffer | Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  if (b.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG: IHDR is not first');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
