import { createHash, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

// Crockford-style alphabet: no 0/O or 1/I/L to misread when typed from one app into another.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const params = z.object({ accountId: idSchema });
export interface CreateLinkCodeResult {
  code: string;
  expiresAt: Date;
}

/** A one-time code that joins another identity (e.g. Telegram) to this account when redeemed there. */
export async function createLinkCode(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<CreateLinkCodeResult> {
  const p = parseInput(params, input);
  const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
  const expiresAt = new Date(deps.now().getTime() + deps.config.limits.linkCodeTtlSeconds * 1000);
  await deps.sql`
    insert into link_codes (code_hash, account_id, expires_at) values (${hashLinkCode(code)}, ${p.accountId}, ${expiresAt})`;
  return { code, expiresAt };
}

export function hashLinkCode(code: string): Buffer {
  const canonical = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return createHash('sha256').update(canonical).digest();
}
