import type { Sql } from '../../src/db/openDatabase.ts';
import type { EventSubscriptionStore } from '../shared/eventNotifier.ts';
import { eventSubscriptionTables } from '../shared/eventSubscriptionTables.ts';

/**
 * The Telegram bot's tables (processed updates, earnings notifications, wallet links waiting for a
 * signature, activity subscriptions): every query on them lives here, but the notifier pass's,
 * written once for both bots in bots/shared/eventSubscriptionTables.ts.
 */

/** Records an update as processed; false when it already was (a redelivery, a restart, another instance). */
export async function markUpdateProcessed(sql: Sql, botId: number, updateId: number): Promise<boolean> {
  const fresh = await sql`
    insert into telegram_updates (bot_id, update_id) values (${botId}, ${updateId})
    on conflict do nothing returning 1`;
  return fresh.length > 0;
}

/** Telegram stops redelivering within a day; older rows only cost space. */
export async function pruneProcessedUpdates(sql: Sql, olderThanDays = 3): Promise<number> {
  const rows = await sql`
    delete from telegram_updates where received_at < now() - make_interval(days => ${olderThanDays}) returning 1`;
  return rows.length;
}

export interface NotificationSetting {
  telegramUserId: string;
  chatId: string;
  enabled: boolean;
  cursorEntryId: string;
  lastSentAt: Date | null;
}

interface Row {
  telegram_user_id: string;
  chat_id: string;
  enabled: boolean;
  cursor_entry_id: string;
  last_sent_at: Date | null;
}
const toSetting = (r: Row): NotificationSetting => ({
  telegramUserId: r.telegram_user_id,
  chatId: r.chat_id,
  enabled: r.enabled,
  cursorEntryId: r.cursor_entry_id,
  lastSentAt: r.last_sent_at,
});

export async function getNotificationSetting(
  sql: Sql,
  telegramUserId: number,
): Promise<NotificationSetting | null> {
  const [row] = await sql<
    Row[]
  >`select * from telegram_notifications where telegram_user_id = ${telegramUserId}`;
  return row ? toSetting(row) : null;
}

/**
 * Turning on starts the cursor at the account's newest ledger entry, so the first notification
 * is about what is earned from now on, not a replay of the past. Turning on again keeps it.
 */
export async function setNotifications(
  sql: Sql,
  input: { telegramUserId: number; chatId: number; enabled: boolean; cursorEntryId: string },
): Promise<void> {
  await sql`
    insert into telegram_notifications (telegram_user_id, chat_id, enabled, cursor_entry_id)
    values (${input.telegramUserId}, ${input.chatId}, ${input.enabled}, ${input.cursorEntryId})
    on conflict (telegram_user_id) do update set
      enabled = excluded.enabled, chat_id = excluded.chat_id, updated_at = now(),
      cursor_entry_id = case when telegram_notifications.enabled and excluded.enabled
        then telegram_notifications.cursor_entry_id else excluded.cursor_entry_id end`;
}

/** Subscriptions whose interval has passed at `now`. */
export async function listDueNotifications(sql: Sql, now: Date, intervalSeconds: number, limit = 500) {
  const rows = await sql<Row[]>`
    select * from telegram_notifications
    where enabled and (last_sent_at is null or last_sent_at <= ${new Date(now.getTime() - intervalSeconds * 1000)})
    order by telegram_user_id limit ${limit}`;
  return rows.map(toSetting);
}

/**
 * Takes the slot for one notification: moves the cursor and the send time only if nobody else
 * (another instance's notifier) did since `seen` was read. True when this caller may send.
 */
export async function claimNotification(
  sql: Sql,
  seen: NotificationSetting,
  next: { cursorEntryId: string; sentAt: Date },
): Promise<boolean> {
  const rows = await sql`
    update telegram_notifications set cursor_entry_id = ${next.cursorEntryId}, last_sent_at = ${next.sentAt}
    where telegram_user_id = ${seen.telegramUserId} and enabled and cursor_entry_id = ${seen.cursorEntryId}
      and last_sent_at is not distinct from ${seen.lastSentAt}
    returning 1`;
  return rows.length === 1;
}

/** Gives the slot back after a send that failed for a passing reason, so the sum is told later. */
export async function releaseNotification(
  sql: Sql,
  seen: NotificationSetting,
  claimed: { cursorEntryId: string; sentAt: Date },
): Promise<void> {
  await sql`
    update telegram_notifications set cursor_entry_id = ${seen.cursorEntryId}, last_sent_at = ${seen.lastSentAt}
    where telegram_user_id = ${seen.telegramUserId} and cursor_entry_id = ${claimed.cursorEntryId}
      and last_sent_at = ${claimed.sentAt}`;
}

/** The user blocked the bot or deleted the chat: stop trying. */
export async function disableNotifications(sql: Sql, telegramUserId: string): Promise<void> {
  await sql`update telegram_notifications set enabled = false, updated_at = now() where telegram_user_id = ${telegramUserId}`;
}

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

/**
 * The message waiting for this user's signature on `accountId`; expiry is judged by the core when
 * it is used. One saved for another account (the user's account was merged into this one since)
 * was signed for that account's nonce, which the merge dropped: it is not pending any more.
 */
export async function takePendingWalletLink(
  sql: Sql,
  telegramUserId: number,
  accountId: string,
): Promise<{ accountId: string; message: string } | null> {
  const [row] = await sql<{ account_id: string; message: string }[]>`
    select account_id, message from telegram_pending_wallet_links
    where telegram_user_id = ${telegramUserId} and account_id = ${accountId}`;
  return row ? { accountId: row.account_id, message: row.message } : null;
}

export async function clearPendingWalletLink(sql: Sql, telegramUserId: number): Promise<void> {
  await sql`delete from telegram_pending_wallet_links where telegram_user_id = ${telegramUserId}`;
}

/** Activity notifications (/notifications): whether on, for this private chat; null before the first use. */
export async function getEventSubscription(
  sql: Sql,
  telegramUserId: number,
): Promise<{ enabled: boolean } | null> {
  const [row] = await sql<{ enabled: boolean }[]>`
    select enabled from telegram_event_subscriptions where telegram_user_id = ${telegramUserId}`;
  return row ?? null;
}

/** Turning on starts the cursor now (nothing from before is replayed); turning on again keeps it. */
export async function setEventSubscription(
  sql: Sql,
  input: { telegramUserId: number; chatId: number; enabled: boolean; now: Date },
): Promise<void> {
  await sql`
    insert into telegram_event_subscriptions (telegram_user_id, chat_id, enabled, cursor_at, since_at)
    values (${input.telegramUserId}, ${input.chatId}, ${input.enabled}, ${input.now}, ${input.now})
    on conflict (telegram_user_id) do update set
      enabled = excluded.enabled, chat_id = excluded.chat_id, updated_at = now(),
      cursor_at = case when telegram_event_subscriptions.enabled and excluded.enabled
        then telegram_event_subscriptions.cursor_at else excluded.cursor_at end,
      since_at = case when telegram_event_subscriptions.enabled and excluded.enabled
        then telegram_event_subscriptions.since_at else excluded.since_at end`;
}

/** The chat a subscriber's activity notifications go to. */
export async function eventChatOf(sql: Sql, telegramUserId: string): Promise<string | null> {
  const [row] = await sql<{ chat_id: string }[]>`
    select chat_id from telegram_event_subscriptions where telegram_user_id = ${telegramUserId}`;
  return row?.chat_id ?? null;
}

/** The activity notifications' subscriptions and deliveries, for bots/shared/eventNotifier. */
export function telegramEventStore(sql: Sql): EventSubscriptionStore {
  return eventSubscriptionTables(sql, {
    subscriptions: 'telegram_event_subscriptions',
    deliveries: 'telegram_event_deliveries',
    subscriber: 'telegram_user_id',
  });
}
