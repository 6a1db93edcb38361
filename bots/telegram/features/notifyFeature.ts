import { Composer } from 'grammy';
import { badInput } from '../../../src/errors.ts';
import { describeInterval } from '../../shared/describeInterval.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { html, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';
import {
  getEventSubscription,
  getNotificationSetting,
  setEventSubscription,
  setNotifications,
} from '../telegramStore.ts';

/** /notify on|off: batched earnings notifications in this private chat; /notify alone shows the setting. */
export function notifyFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('notify', async (ctx) => {
    requirePrivateChat(ctx);
    const { app, config, tr } = ctx.potluck;
    const sql = app.database.sql;
    const userId = ctx.from!.id;
    const every = text(describeInterval(config.notifyIntervalSeconds, tr));
    const arg = (typeof ctx.match === 'string' ? ctx.match : '').trim().toLowerCase();
    if (arg === '') {
      const setting = await getNotificationSetting(sql, userId);
      await replyHtml(
        ctx,
        setting?.enabled
          ? ht(tr, 'notify-status-on', { state: html`<b>${text(tr.t('notify-word-on'))}</b>`, every })
          : ht(tr, 'notify-status-off', { state: html`<b>${text(tr.t('notify-word-off'))}</b>`, every }),
      );
      return;
    }
    if (arg !== 'on' && arg !== 'off') throw badInput(tr.t('notify-usage'));
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
        ? html`<b>${text(tr.t('notify-now-on'))}</b> ${ht(tr, 'notify-now-on-detail', { every })}`
        : html`<b>${text(tr.t('notify-now-off'))}</b> ${text(tr.t('notify-now-off-detail'))}`,
    );
  });

  // /notifications on|off: activity (a contribution decided, a run finished, tokens to claim), off
  // until asked for; earnings keep their own /notify.
  feature.command('notifications', async (ctx) => {
    requirePrivateChat(ctx);
    const { app, tr } = ctx.potluck;
    const sql = app.database.sql;
    const userId = ctx.from!.id;
    const limit = {
      max: app.config.notifications.maxMessages,
      every: describeInterval(app.config.notifications.windowSeconds, tr),
    };
    const arg = (typeof ctx.match === 'string' ? ctx.match : '').trim().toLowerCase();
    if (arg === '') {
      const on = (await getEventSubscription(sql, userId))?.enabled ?? false;
      await replyHtml(ctx, text(tr.t(on ? 'notifications-status-on' : 'notifications-status-off', limit)));
      return;
    }
    if (arg !== 'on' && arg !== 'off') throw badInput(tr.t('notifications-usage'));
    await ctx.potluck.accountId();
    await setEventSubscription(sql, {
      telegramUserId: userId,
      chatId: ctx.chat!.id,
      enabled: arg === 'on',
      now: app.deps.now(),
    });
    await replyHtml(ctx, text(tr.t(arg === 'on' ? 'notifications-now-on' : 'notifications-now-off', limit)));
  });
  return feature;
}
