import { Composer } from 'grammy';
import type { Translator } from '../../i18n/translator.ts';
import { type MenuScope, menuIn } from '../commandMenu.ts';
import { type PotluckContext, privateChatButton } from '../context.ts';
import { html, joinHtml, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { redeemAndReply } from './linkFeature.ts';

const overview = (tr: Translator, scope: MenuScope = 'private') =>
  joinHtml(menuIn(tr, scope).map((c) => html`• ${text(c.usage)} — ${text(c.description)}`));

/**
 * /start greets, and redeems a link code carried by a deep link (t.me/<bot>?start=link-CODE),
 * so "open Telegram from Discord" is one tap. /help lists the commands.
 */
export function startFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('start', async (ctx) => {
    const payload = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (payload.startsWith('link-')) return redeemAndReply(ctx, payload.slice('link-'.length));
    const { tr } = ctx.potluck;
    await replyHtml(
      ctx,
      html`👋 <b>${text(tr.t('tg-welcome-title'))}</b>${text(tr.t('tg-welcome-body'))}

${text(tr.t('tg-welcome-what'))}

${overview(tr)}`,
    );
  });
  feature.command('help', async (ctx) => {
    const { tr } = ctx.potluck;
    if (ctx.chat.type === 'private') {
      return replyHtml(ctx, html`<b>${text(tr.t('tg-help-title'))}</b>\n${overview(tr)}`);
    }
    // A group's /help lists what works there, and the way to the personal commands.
    await replyHtml(
      ctx,
      html`<b>${text(tr.t('tg-help-title'))}</b>\n${overview(tr, 'group')}\n\n${text(tr.t('tg-group-personal'))}`,
      { reply_markup: privateChatButton(ctx, tr) },
    );
  });
  return feature;
}
