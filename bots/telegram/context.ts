import { type Context, InlineKeyboard, type MiddlewareFn } from 'grammy';
import type { App } from '../../src/app.ts';
import type { TelegramConfig } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { newRequestId, withRequestContext } from '../../src/shared/requestContext.ts';
import { pickLanguage, type Translator, translator } from '../i18n/translator.ts';

export interface PotluckFlavor {
  potluck: {
    app: App;
    config: TelegramConfig;
    log: Logger;
    /** `telegram:<user id>` of whoever sent the update. */
    identity: string;
    /** The sender's account, created on first use (nobody has to sign up). */
    accountId(): Promise<string>;
    /** A key unique to this update, for use cases that take an idempotency key. */
    idempotencyKey: string;
    /** The sender's language: their /language choice, else their Telegram app's language. */
    tr: Translator;
  };
}
export type PotluckContext = Context & PotluckFlavor;

/** A button that opens the bot's private chat (t.me deep link; /start there greets). */
export const privateChatButton = (ctx: Context, tr: Translator) =>
  new InlineKeyboard().url(tr.t('tg-open-private'), `https://t.me/${ctx.me.username}?start=help`);

/**
 * Puts the app and the sender's identity on the context. The account is resolved lazily: a
 * /start or /help never creates one. Updates without a human sender (channel posts) stop here.
 */
export function attachPotluck(app: App, config: TelegramConfig, log: Logger): MiddlewareFn<PotluckContext> {
  // One request id per update: its log lines, use cases and the jobs it enqueues share it.
  return (ctx, next) =>
    withRequestContext({ requestId: newRequestId() }, async () => {
      const from = ctx.from;
      if (!from || from.is_bot) return;
      const identity = `telegram:${from.id}`;
      let account: Promise<string> | undefined;
      // Read-only: a /start in Persian must not create an account. A failed read costs only the choice.
      const stored = await app.accounts.getLanguage({ identity }).catch(() => null);
      ctx.potluck = {
        app,
        config,
        log,
        identity,
        tr: translator(pickLanguage(stored, from.language_code)),
        // update_id alone can repeat (Telegram restarts numbering after a quiet week): add the message's
        // own date or the button press id, which a redelivery of the same update shares.
        idempotencyKey: `telegram:${ctx.me.id}:${ctx.update.update_id}:${ctx.callbackQuery?.id ?? ctx.msg?.date ?? 0}`,
        accountId: () => {
          const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ').slice(0, 100);
          account ??= app.accounts.resolveIdentity({ identity, displayName }).then((r) => r.accountId);
          return account;
        },
      };
      await next();
    });
}

/**
 * Balances, codes and wallets are personal: in a group, the answer would be read by everyone.
 * Callback queries count as private only when pressed in the presser's own chat with the bot.
 */
export function requirePrivateChat(ctx: PotluckContext): void {
  const chat = ctx.chat ?? ctx.callbackQuery?.message?.chat;
  if (chat?.type === 'private' && chat.id === ctx.from?.id) return;
  // openPrivateChat: the answer carries a button to the private chat (replyToError).
  throw new AppError('FORBIDDEN', ctx.potluck.tr.t('tg-private-only', { bot: ctx.me.username }), {
    openPrivateChat: true,
  });
}
