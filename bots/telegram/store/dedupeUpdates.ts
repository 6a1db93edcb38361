import type { Context, MiddlewareFn } from 'grammy';
import type { Sql } from '../../../src/db/openDatabase.ts';

/**
 * Runs each update once. Telegram redelivers an update when a webhook answer is late or a poller
 * restarts before confirming its offset; the row (per bot, per update_id) is written before the
 * handlers run, in the shared database, so a retry, a restart or a second instance skips it.
 */
export function dedupeUpdates(sql: Sql): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const fresh = await sql`
      insert into telegram_updates (bot_id, update_id) values (${ctx.me.id}, ${ctx.update.update_id})
      on conflict do nothing returning 1`;
    if (fresh.length === 0) return;
    await next();
  };
}

/** Telegram stops redelivering within a day; older rows only cost space. */
export async function pruneProcessedUpdates(sql: Sql, olderThanDays = 3): Promise<number> {
  const rows = await sql`
    delete from telegram_updates where received_at < now() - make_interval(days => ${olderThanDays}) returning 1`;
  return rows.length;
}
