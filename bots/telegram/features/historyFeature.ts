import { Composer, InlineKeyboard } from 'grammy';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { renderPayoutLine } from '../render/renderPayoutLine.ts';
import { editHtml, replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

const PAGE_SIZE = 5;

/**
 * Button data for a history page: `h:<anchor>:<page>`. The anchor is the newest ledger entry when
 * the history was opened (0 = now), so pages stay put while new payouts arrive.
 */
export const historyButtonData = (page: number, anchor = '0') => `h:${anchor}:${page}`;

async function renderPage(
  ctx: PotluckContext,
  anchor: string,
  page: number,
): Promise<{ body: Html; keyboard: InlineKeyboard }> {
  requirePrivateChat(ctx);
  const accountId = await ctx.potluck.accountId();
  const earned = await ctx.potluck.app.ledger.listEarningsSince({
    accountId,
    ...(anchor === '0' ? {} : { beforeEntryId: (BigInt(anchor) + 1n).toString() }),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });
  const fixed = anchor === '0' ? earned.cursor : anchor;
  const pages = Math.max(1, Math.ceil(earned.count / PAGE_SIZE));
  const keyboard = new InlineKeyboard();
  const { tr } = ctx.potluck;
  if (page > 0) keyboard.text(tr.t('history-newer'), historyButtonData(page - 1, fixed));
  if (earned.hasMore) keyboard.text(tr.t('history-older'), historyButtonData(page + 1, fixed));
  keyboard
    .row()
    .text(tr.t('history-latest'), historyButtonData(0))
    .text(tr.t('history-rewards'), 'rewards:show');
  const lines = earned.entries.map((e) => renderPayoutLine(e, tr));
  const body = html`📜 <b>${text(tr.t('history-title'))}</b> — ${ht(tr, 'history-page', { page: Math.min(page + 1, pages), pages })}
${lines.length ? joinHtml(lines) : html`<i>${text(tr.t('history-empty'))}</i>`}`;
  return { body, keyboard };
}

/** /history: the sender's payouts, newest first, paged with inline buttons. */
export function historyFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('history', async (ctx) => {
    const { body, keyboard } = await renderPage(ctx, '0', 0);
    await replyHtml(ctx, body, { reply_markup: keyboard });
  });
  feature.callbackQuery(/^h:(\d{1,19}):(\d{1,6})$/, async (ctx) => {
    const { body, keyboard } = await renderPage(ctx, ctx.match[1], Number(ctx.match[2]));
    await editHtml(ctx, body, { reply_markup: keyboard });
    await ctx.answerCallbackQuery();
  });
  return feature;
}
