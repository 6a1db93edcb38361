import { createHash } from 'node:crypto';

/** The SHA-256 of bytes or UTF-8 text, as lowercase hex. */
export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
