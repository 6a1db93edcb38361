import { Composer, InlineKeyboard } from 'grammy';
import { AppError, badInput } from '../../../src/errors.ts';
import {
  BOARD_CODE,
  BOARDS,
  type Board,
  boardOfCode,
  leaderboardPage,
} from '../../shared/leaderboardPage.ts';
import type { PotluckContext } from '../context.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { editHtml, replyHtml } from '../render/send.ts';

const BOARD_NAME: Record<Board, string> = {
  earnings: 'lb-board-earnings',
  approved: 'lb-board-approved',
  validators: 'lb-board-validators',
};

/** `lb:<board code>:<datanet id>:<page>`: well under Telegram's 64 bytes of callback data. */
export const leaderboardData = (board: Board, datanetId: string, page: number) =>
  `lb:${BOARD_CODE[board]}:${datanetId}:${page}`;

async function render(
  ctx: PotluckContext,
  board: Board,
  datanetId: string,
  page: number,
): Promise<{ body: Html; keyboard: InlineKeyboard }> {
  const { tr, app } = ctx.potluck;
  const p = await leaderboardPage(app, tr, {
    board,
    datanetId,
    page,
    // "← you" only in a private chat: in a group it would mark whoever pressed last.
    viewerAccountId:
      (ctx.chat ?? ctx.callbackQuery?.message?.chat)?.type === 'private'
        ? await ctx.potluck.accountId()
        : undefined,
  });
  const lines = p.lines.map((l) =>
    l.mine ? html`<b>${text(l.text)}</b> ← ${text(tr.t('lb-you'))}` : text(l.text),
  );
  const body = html`🏆 <b>${text(p.title)}</b> — ${text(tr.t('lb-page', { page: tr.number(page + 1) }))}
${lines.length ? joinHtml(lines) : html`<i>${text(p.empty)}</i>`}`;
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(tr.t('lb-prev'), leaderboardData(board, p.datanetId, page - 1));
  if (p.hasMore) keyboard.text(tr.t('lb-next'), leaderboardData(board, p.datanetId, page + 1));
  keyboard.row();
  // The other boards of the same datanet, from their first page.
  for (const other of BOARDS.filter((b) => b !== board)) {
    keyboard.text(tr.t(BOARD_NAME[other]), leaderboardData(other, p.datanetId, 0));
  }
  return { body, keyboard };
}

/** Boards name people and what they earned: in a group they are posted only on request. */
function allowedHere(ctx: PotluckContext, isPublic: boolean, datanet: string): void {
  const chat = ctx.chat ?? ctx.callbackQuery?.message?.chat;
  if (chat?.type === 'private' || isPublic) return;
  throw new AppError(
    'FORBIDDEN',
    ctx.potluck.tr.t('tg-leaderboard-group', { datanet, bot: ctx.me.username }),
  );
}

/**
 * /leaderboard <datanet>: top contributors by earnings first, with buttons for the other boards
 * and for pages. In a group only `/leaderboard public <datanet>` posts it there.
 */
export function leaderboardFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('leaderboard', async (ctx) => {
    const { tr, app } = ctx.potluck;
    const match = (typeof ctx.match === 'string' ? ctx.match : '').trim();
    const isPublic = /^public\s+/i.test(match);
    const name = match.replace(/^public\s+/i, '').trim();
    if (!name) throw badInput(tr.t('tg-leaderboard-usage'));
    allowedHere(ctx, isPublic, name);
    const datanet = await app.datanets.get({ datanet: name });
    const { body, keyboard } = await render(ctx, 'earnings', datanet.id, 0);
    await replyHtml(ctx, body, { reply_markup: keyboard });
  });
  feature.callbackQuery(/^lb:([eav]):(\d{1,19}):(\d{1,4})$/, async (ctx) => {
    const board = boardOfCode(ctx.match[1]);
    if (!board) return;
    const { body, keyboard } = await render(ctx, board, ctx.match[2], Number(ctx.match[3]));
    await editHtml(ctx, body, { reply_markup: keyboard });
    await ctx.answerCallbackQuery();
  });
  return feature;
}
