import type { Context, MiddlewareFn } from 'grammy';
import type { Sql } from '../../src/db/openDatabase.ts';
import { markUpdateProcessed } from './telegramStore.ts';

/**
 * Runs each update once. Telegram redelivers an update when a webhook answer is late or a poller
 * restarts before confirming its offset; the row (per bot, per update_id) is written before the
 * handlers run, in the shared database, so a retry, a restart or a second instance skips it.
 */
export function dedupeUpdates(sql: Sql): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!(await markUpdateProcessed(sql, ctx.me.id, ctx.update.update_id))) return;
    await next();
  };
}
