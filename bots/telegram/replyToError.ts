import { type BotError, GrammyError } from 'grammy';
import { type ErrorCode, isAppError, toAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { errorTitle } from '../i18n/errorTitle.ts';
import { type Translator, translator } from '../i18n/translator.ts';
import { type PotluckContext, privateChatButton } from './context.ts';
import { block, type Html, html, text } from './render/html.ts';
import { replyHtml } from './render/send.ts';

/** What to do next, per error code; the core's message already says what was wrong. */
const NEXT_STEP: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'tg-next-bad-input',
  NOT_FOUND: 'tg-next-not-found',
  INSUFFICIENT_FUNDS: 'tg-next-insufficient-funds',
  QUOTA_EXCEEDED: 'tg-next-quota-exceeded',
  TOO_LARGE: 'tg-next-too-large',
  RATE_LIMITED: 'tg-next-rate-limited',
  UNAVAILABLE: 'tg-next-unavailable',
  CHAIN_ERROR: 'tg-next-chain-error',
  UNAUTHENTICATED: 'tg-next-unauthenticated',
};

/** The user-facing text for an error; never internals (those go to the log). */
function renderError(failure: unknown, tr: Translator = translator('en')): Html {
  const error = toAppError(failure);
  if (error) {
    const next = NEXT_STEP[error.code];
    return html`⚠️ <b>${text(tr.t(errorTitle(error.code)))}</b>
${block(error.message, 1000)}${next ? html`\n<i>${text(tr.t(next))}</i>` : ''}`;
  }
  return html`⚠️ <b>${text(tr.t('error-internal'))}</b>
${text(tr.t('error-internal-retry'))}`;
}

/**
 * The bot's one error boundary (installed with `bot.catch`, and called by the webhook route for
 * webhook updates too): every failure in any feature ends here, is answered in the chat (or as
 * an alert on the pressed button) and logged; it never throws, so polling keeps going.
 */
export function replyToError(log: Logger) {
  return async (err: BotError<PotluckContext>): Promise<void> => {
    const { ctx } = err;
    const error = toAppError(err.error) ?? err.error;
    if (isAppError(error)) {
      log.info('telegram request refused', { updateId: ctx.update.update_id, code: error.code });
    } else {
      log.error('telegram handler failed', { updateId: ctx.update.update_id, error });
    }
    // A failure before the context was set up (the language lookup itself) is answered in English.
    const tr = ctx.potluck?.tr ?? translator('en');
    const message = renderError(error, tr);
    try {
      if (ctx.callbackQuery) {
        // An alert has no markup: the plain message, short enough for Telegram's 200 characters.
        const plain = isAppError(error) ? error.message : tr.t('error-internal-short');
        await ctx.answerCallbackQuery({ text: plain.slice(0, 200), show_alert: true });
      } else if (ctx.chat) {
        // Refused because it is personal: one tap from the group to the private chat.
        const open =
          isAppError(error) && error.details.openPrivateChat === true && ctx.chat.type !== 'private';
        await replyHtml(ctx, message, open ? { reply_markup: privateChatButton(ctx, tr) } : {});
      }
    } catch (replyError) {
      // Telegram itself refused (blocked bot, 429): nothing more to tell the user.
      if (!(replyError instanceof GrammyError))
        log.error('telegram error reply failed', { error: replyError });
    }
  };
}
