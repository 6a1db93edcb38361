import { type Api, GrammyError } from 'grammy';
import type { App } from '../../../src/app.ts';
import type { Logger } from '../../../src/shared/createLogger.ts';
import { pickLanguage, translator } from '../../i18n/translator.ts';
import { runEventPass } from '../../shared/eventNotifier.ts';
import { startPeriodicPass } from '../../shared/periodicPass.ts';
import { renderEvents } from '../../shared/renderEvents.ts';
import { html, joinHtml, text } from '../render/html.ts';
import {
  claimNotification,
  disableNotifications,
  eventChatOf,
  listDueNotifications,
  pruneProcessedUpdates,
  releaseNotification,
  telegramEventStore,
} from '../telegramStore.ts';
import { confirmWalletLinks } from './confirmWalletLinks.ts';
import { renderEarningsNotification } from './renderEarningsNotification.ts';

export interface NotifierOptions {
  app: App;
  api: Api;
  log: Logger;
  intervalSeconds: number;
  /** How often to look for due notifications; 0 = never by itself (tests call `tick`). */
  tickMs: number;
  /** The clock deciding whether an interval has passed; the app's clock by default. */
  now?: () => Date;
}

export interface Notifier {
  /** One pass: sends every due notification; returns how many were sent. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Batched earnings notifications: each subscriber gets at most one message per interval, with
 * the sum of what their account earned since the last one. A busy model paying someone a
 * thousand times an hour still sends them one message an hour.
 */
export function startNotifier(options: NotifierOptions): Notifier {
  const { app, api, log } = options;
  const now = options.now ?? app.deps.now;
  let ticks = 0;

  const notifyOne = async (due: Awaited<ReturnType<typeof listDueNotifications>>[number]) => {
    const { accountId } = await app.accounts.resolveIdentity({ identity: `telegram:${due.telegramUserId}` });
    const earned = await app.ledger.listEarningsSince({
      accountId,
      afterEntryId: due.cursorEntryId,
      limit: 0,
    });
    if (earned.total === 0n) return false;
    // No update to read the app's language from: the account's own choice, else English.
    const language = await app.accounts.getLanguage({ identity: `telegram:${due.telegramUserId}` });
    const tr = translator(pickLanguage(language, null));
    const claim = { cursorEntryId: earned.cursor, sentAt: now() };
    if (!(await claimNotification(app.database.sql, due, claim))) return false;
    try {
      await api.sendMessage(due.chatId, renderEarningsNotification(earned, tr).text, { parse_mode: 'HTML' });
      return true;
    } catch (error) {
      if (isGone(error)) {
        // Blocked, or the chat is gone: retrying forever would only fail forever.
        await disableNotifications(app.database.sql, due.telegramUserId);
      } else {
        await releaseNotification(app.database.sql, due, claim);
      }
      log.warn('telegram notification not delivered', { telegramUserId: due.telegramUserId, error });
      return false;
    }
  };

  const pass = async () => {
    let sent = 0;
    // Wallets linked from a /wallet page link: confirmed in the chat that asked, on every pass.
    await confirmWalletLinks(app, api, log).catch((error) =>
      log.error('telegram wallet link confirmations failed', { error }),
    );
    const due = await listDueNotifications(app.database.sql, now(), options.intervalSeconds);
    for (const d of due) {
      try {
        if (await notifyOne(d)) sent += 1;
      } catch (error) {
        log.error('telegram notification failed', { telegramUserId: d.telegramUserId, error });
      }
    }
    // Activity (contributions decided, runs finished, tokens to claim) for those who opted in.
    sent += await runEventPass({
      app,
      config: app.config,
      log,
      store: telegramEventStore(app.database.sql),
      identityOf: (userId) => `telegram:${userId}`,
      now,
      async deliver(userId, events, tr) {
        const chatId = await eventChatOf(app.database.sql, userId);
        if (!chatId) return 'gone';
        const r = renderEvents(events, tr);
        const body = html`<b>${text(r.title)}</b>
${joinHtml(r.lines.map(text))}
${text(r.footer)}`;
        try {
          await api.sendMessage(chatId, body.text, { parse_mode: 'HTML' });
          return 'sent';
        } catch (error) {
          if (isGone(error)) return 'gone';
          throw error;
        }
      },
    }).catch((error) => {
      log.error('telegram activity notifications failed', { error });
      return 0;
    });
    ticks += 1;
    if (ticks % 100 === 1) await pruneProcessedUpdates(app.database.sql);
    return sent;
  };

  return startPeriodicPass(pass, options.tickMs, (error) =>
    log.error('telegram notifier pass failed', { error }),
  );
}

/** Blocked, or the chat is gone: retrying forever would only fail forever. */
function isGone(error: unknown): boolean {
  return (
    error instanceof GrammyError && (error.error_code === 403 || /chat not found/i.test(error.description))
  );
}
