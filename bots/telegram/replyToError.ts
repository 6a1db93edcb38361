import { type BotError, GrammyError } from 'grammy';
import { type ErrorCode, isAppError, toAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import type { PotluckContext } from './context.ts';
import { block, type Html, html, text } from './render/html.ts';
import { replyHtml } from './render/send.ts';

/** What to do next, per error code; the core's message already says what was wrong. */
const NEXT_STEP: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'Check what you typed: /help shows every command with an example.',
  NOT_FOUND: 'Check the name or number: /datanets lists the datanets.',
  INSUFFICIENT_FUNDS: 'Your balance is in /rewards.',
  QUOTA_EXCEEDED: 'The daily quota resets tomorrow (UTC).',
  TOO_LARGE: 'Send something smaller, or split it into parts.',
  RATE_LIMITED: 'Wait a moment, then try again.',
  UNAVAILABLE: 'The service is busy or restarting: try again in a minute.',
  CHAIN_ERROR: 'The chain did not take it just now: try again in a few minutes.',
  UNAUTHENTICATED: 'Link your accounts first: /link explains how.',
};

const TITLE: Partial<Record<ErrorCode, string>> = {
  BAD_INPUT: 'That did not look right',
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Not allowed',
  INSUFFICIENT_FUNDS: 'Not enough balance',
  EXPIRED: 'Expired',
  CONFLICT: 'Conflict',
  DUPLICATE: 'Already there',
};

/** The user-facing text for an error; never internals (those go to the log). */
export function renderError(failure: unknown): Html {
  const error = toAppError(failure);
  if (error) {
    const next = NEXT_STEP[error.code];
    return html`⚠️ <b>${text(TITLE[error.code] ?? 'Could not do that')}</b>
${block(error.message, 1000)}${next ? html`\n<i>${text(next)}</i>` : ''}`;
  }
  return html`⚠️ <b>Something went wrong on our side.</b>
It is logged; please try again in a minute.`;
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
    const message = renderError(error);
    try {
      if (ctx.callbackQuery) {
        // An alert has no markup: the plain message, short enough for Telegram's 200 characters.
        const plain = isAppError(error) ? error.message : 'Something went wrong on our side; try again.';
        await ctx.answerCallbackQuery({ text: plain.slice(0, 200), show_alert: true });
      } else if (ctx.chat) {
        await replyHtml(ctx, message);
      }
    } catch (replyError) {
      // Telegram itself refused (blocked bot, 429): nothing more to tell the user.
      if (!(replyError instanceof GrammyError))
        log.error('telegram error reply failed', { error: replyError });
    }
  };
}
