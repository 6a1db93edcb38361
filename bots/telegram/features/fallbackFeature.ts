import { Composer } from 'grammy';
import type { PotluckContext } from '../context.ts';
import { text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';

/**
 * Last in line: what no feature took. In a private chat an unknown command or stray text gets a
 * pointer to /help; in groups the bot stays quiet, as people talk there to each other. A button
 * from an old message whose feature no longer knows it is answered instead of left spinning.
 */
export function fallbackFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.chatType('private').on('message', async (ctx) => {
    await replyHtml(ctx, text(ctx.potluck.tr.t('tg-not-understood')));
  });
  feature.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.potluck.tr.t('tg-button-stale') });
  });
  return feature;
}
