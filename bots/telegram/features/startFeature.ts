import { Composer } from 'grammy';
import { COMMAND_MENU } from '../commandMenu.ts';
import type { PotluckContext } from '../context.ts';
import { html, joinHtml, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { redeemAndReply } from './linkFeature.ts';

const overview = () => joinHtml(COMMAND_MENU.map((c) => html`• ${text(c.usage)} — ${text(c.description)}`));

/**
 * /start greets, and redeems a link code carried by a deep link (t.me/<bot>?start=link-CODE),
 * so "open Telegram from Discord" is one tap. /help lists the commands.
 */
export function startFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('start', async (ctx) => {
    const payload = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (payload.startsWith('link-')) return redeemAndReply(ctx, payload.slice('link-'.length));
    await replyHtml(
      ctx,
      html`👋 <b>Welcome to Potluck</b>, where people build AI together and everyone who helped gets paid.

Here you can follow what you earn, get told when you earn, add data and link your Discord account.

${overview()}`,
    );
  });
  feature.command('help', async (ctx) => {
    await replyHtml(ctx, html`<b>What I can do</b>\n${overview()}`);
  });
  return feature;
}
