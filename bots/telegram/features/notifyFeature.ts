import { Composer } from 'grammy';
import { badInput } from '../../../src/errors.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { html, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { getNotificationSetting, setNotifications } from '../store/notificationSettings.ts';

/** "every 15 minutes", "every hour": the interval as people say it. */
export function describeInterval(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'every hour' : `every ${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'every minute' : `every ${seconds / 60} minutes`;
  return `every ${seconds} seconds`;
}

/** /notify on|off: batched earnings notifications in this private chat; /notify alone shows the setting. */
export function notifyFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('notify', async (ctx) => {
    requirePrivateChat(ctx);
    const { app, config } = ctx.potluck;
    const sql = app.database.sql;
    const userId = ctx.from!.id;
    const every = text(describeInterval(config.notifyIntervalSeconds));
    const arg = (typeof ctx.match === 'string' ? ctx.match : '').trim().toLowerCase();
    if (arg === '') {
      const setting = await getNotificationSetting(sql, userId);
      await replyHtml(
        ctx,
        setting?.enabled
          ? html`🔔 Notifications are <b>on</b>: at most one message ${every}, with the sum you earned. /notify off stops them.`
          : html`🔕 Notifications are <b>off</b>. /notify on tells you when you earn (at most once ${every}, with the sum).`,
      );
      return;
    }
    if (arg !== 'on' && arg !== 'off') throw badInput('Use /notify on or /notify off.');
    const enabled = arg === 'on';
    // The cursor starts at the newest ledger entry: notifications cover what is earned from now on.
    const accountId = await ctx.potluck.accountId();
    const { cursor } = await app.ledger.listEarningsSince({ accountId, limit: 0 });
    await setNotifications(sql, {
      telegramUserId: userId,
      chatId: ctx.chat!.id,
      enabled,
      cursorEntryId: cursor,
    });
    await replyHtml(
      ctx,
      enabled
        ? html`🔔 <b>Notifications on.</b> When you earn, I send one message ${every} at most, with the sum.`
        : html`🔕 <b>Notifications off.</b> Turn them back on with /notify on.`,
    );
  });
  return feature;
}
