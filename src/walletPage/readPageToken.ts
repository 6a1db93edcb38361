import type { Db } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import { sha256Hex } from '../shared/hash.ts';

export type PagePurpose = 'link' | 'claim';

export interface PageToken {
  id: string;
  accountId: string;
  purpose: PagePurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

export const hashPageToken = (token: string) => sha256Hex(token);

/** Shape of a page token, checked before any lookup. */
export const PAGE_TOKEN = /^wp_[A-Za-z0-9_-]{43}$/;

/**
 * The live page token for `purpose`: refused when unknown (or for the other page), spent or expired,
 * each with a message that says to ask the bot for a new link. `forUpdate` locks the row.
 */
export async function readPageToken(
  db: Db,
  token: string,
  purpose: PagePurpose,
  now: Date,
  options: { forUpdate?: boolean } = {},
): Promise<PageToken> {
  if (!PAGE_TOKEN.test(token)) throw unknownLink();
  const hash = hashPageToken(token);
  const rows = options.forUpdate
    ? await db<Row[]>`select id, account_id, purpose, expires_at, used_at from wallet_page_tokens
        where token_sha256 = ${hash} for update`
    : await db<Row[]>`select id, account_id, purpose, expires_at, used_at from wallet_page_tokens
        where token_sha256 = ${hash}`;
  const row = rows[0];
  if (!row || row.purpose !== purpose) throw unknownLink();
  if (row.used_at) throw new AppError('EXPIRED', 'This link was already used. Ask the bot for a new one.');
  if (row.expires_at.getTime() <= now.getTime())
    throw new AppError('EXPIRED', 'This link has expired. Ask the bot for a new one.');
  return {
    id: row.id,
    accountId: row.account_id,
    purpose: row.purpose,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

interface Row {
  id: string;
  account_id: string;
  purpose: PagePurpose;
  expires_at: Date;
  used_at: Date | null;
}

const unknownLink = () =>
  new AppError('UNAUTHENTICATED', 'This link is not valid. Ask the bot for a new one.', { field: 'token' });
