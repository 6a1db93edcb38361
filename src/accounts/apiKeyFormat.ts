import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// `pl_<id>_<secret>`: the id finds the row, the 256-bit secret proves possession. A fast hash
// is enough for a random secret of this size (nothing to brute-force, unlike a password).
const KEY = /^pl_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { id: string; secret: string; key: string } {
  const id = randomBytes(10).toString('hex').slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: `pl_${id}_${secret}` };
}

export function parseApiKey(key: string): { id: string; secret: string } | null {
  const m = KEY.exec(key.trim());
  return m ? { id: m[1], secret: m[2] } : null;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const h = hashSecret(secret);
  return h.length === storedHash.length && timingSafeEqual(h, storedHash);
}
