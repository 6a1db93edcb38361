import type { Sql } from '../../../src/db/openDatabase.ts';

/** Remembers the SIWE message a user is signing, so the chat only has to carry the signature back. */
export async function savePendingWalletLink(
  sql: Sql,
  input: { telegramUserId: number; accountId: string; message: string; expiresAt: Date },
): Promise<void> {
  await sql`
    insert into telegram_pending_wallet_links (telegram_user_id, account_id, message, expires_at)
    values (${input.telegramUserId}, ${input.accountId}, ${input.message}, ${input.expiresAt})
    on conflict (telegram_user_id) do update set
      account_id = excluded.account_id, message = excluded.message, expires_at = excluded.expires_at`;
}

/** The message waiting for this user's signature; expiry is judged by the core when it is used. */
export async function takePendingWalletLink(
  sql: Sql,
  telegramUserId: number,
): Promise<{ accountId: string; message: string } | null> {
  const [row] = await sql<{ account_id: string; message: string }[]>`
    select account_id, message from telegram_pending_wallet_links where telegram_user_id = ${telegramUserId}`;
  return row ? { accountId: row.account_id, message: row.message } : null;
}

export async function clearPendingWalletLink(sql: Sql, telegramUserId: number): Promise<void> {
  await sql`delete from telegram_pending_wallet_links where telegram_user_id = ${telegramUserId}`;
}
