import { Composer, InlineKeyboard } from 'grammy';
import type { App } from '../../../src/app.ts';
import type { ReviewItem } from '../../../src/validation/listReviewQueue.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { REVIEW_STATUS_MESSAGE as STATUS } from '../../shared/reviewStatusMessage.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatAmount, formatWhen } from '../render/formatAmount.ts';
import { block, type Html, html, inline, joinHtml, text } from '../render/html.ts';
import { editHtml, replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

/**
 * Reasons a validator can give for a rejection with one tap (index in the callback data). The
 * button reads in the validator's language; the reason stored is the English one, one wording
 * for every reader of the outcome.
 */
const REASONS = [
  'tg-reason-off-topic',
  'tg-reason-low-quality',
  'tg-reason-copy',
  'tg-reason-language',
] as const;
const english = translator('en');

type Card = { body: Html; keyboard?: InlineKeyboard };

/**
 * The next item this validator may vote on: in one datanet, or across those they stake on.
 * `after` skips up to that contribution id (Skip), wrapping round to the oldest.
 */
async function nextCard(
  app: App,
  tr: Translator,
  accountId: string,
  datanetIds: string[] | null,
  after?: string,
): Promise<Card> {
  const ids =
    datanetIds ??
    (await app.validation.status({ accountId })).stakes.filter((s) => s.staked > 0n).map((s) => s.datanetId);
  if (ids.length === 0) return { body: ht(tr, 'tg-review-no-stake') };
  for (const datanetId of ids) {
    const queue = await app.validation.reviewQueue({ accountId, datanetId, limit: 25 });
    const skipped = after ? queue.filter((q) => q.contribution.id !== after) : queue;
    const item =
      skipped.find((q) => !after || Number(q.contribution.id) > Number(after)) ?? skipped[0] ?? null;
    if (item) return cardOf(tr, item, (await app.datanets.get({ datanet: datanetId })).name);
  }
  return { body: ht(tr, 'tg-review-empty') };
}

/** A contribution as validators judge it: text, automatic checks, near-duplicate. Never a tally. */
function cardOf(tr: Translator, item: ReviewItem, datanetName: string): Card {
  const c = item.contribution;
  const problems = c.checkProblems.slice(0, 4).map((p) => html`⚠️ ${inline(p)}`);
  const near = item.nearDuplicate
    ? html`\n${ht(tr, 'tg-review-near', { id: item.nearDuplicate.contributionId, percent: tr.figure(String(Math.round(item.nearDuplicate.similarity * 100))) })}\n${block(item.nearDuplicate.content, 400)}`
    : '';
  const checks = ht(tr, 'review-checks-line', {
    score: tr.figure(String(c.checkScore)),
    language: c.language,
    chars: tr.figure(String(c.chars)),
  });
  const deposit = ht(tr, 'tg-review-deposit', {
    amount: formatAmount(c.deposit, { tr }),
    closes: formatWhen(item.closesAt, tr),
  });
  const body = html`📝 <b>${ht(tr, 'review-card-title', { id: c.id })}</b> · ${inline(datanetName)}
${block(c.content, 2500)}

<b>${ht(tr, 'review-checks')}</b>: ${checks}${problems.length ? html`\n${joinHtml(problems)}` : ''}${near}
${deposit}
<i>${ht(tr, 'tg-review-sealed-note')}</i>`;
  return { body, keyboard: cardKeyboard(tr, c.id, c.datanetId) };
}

function reasonKeyboard(tr: Translator, contributionId: string, datanetId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  REASONS.forEach((r, i) => {
    keyboard.text(tr.t(r), `rv:x:${contributionId}:${datanetId}:${i}`).row();
  });
  return keyboard
    .text(tr.t('tg-review-no-reason'), `rv:x:${contributionId}:${datanetId}:-`)
    .row()
    .text(tr.t('tg-review-back'), `rv:b:${contributionId}:${datanetId}`);
}

/**
 * /review: a review card with Approve / Reject (with a reason) / Skip, under the same rules as
 * Discord and MCP, all enforced by the vote use case. Every press is read for whoever pressed it.
 */
export function reviewFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('review', async (ctx) => {
    requirePrivateChat(ctx);
    const { app, tr } = ctx.potluck;
    const accountId = await ctx.potluck.accountId();
    const name = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    const only = name ? [(await app.datanets.get({ datanet: name })).id] : null;
    const card = await nextCard(app, tr, accountId, only);
    await replyHtml(ctx, card.body, card.keyboard ? { reply_markup: card.keyboard } : {});
  });
  feature.callbackQuery(/^rv:([abrsx]):(\d+):(\d+)(?::(\d+|-))?$/, async (ctx) => {
    requirePrivateChat(ctx);
    const { app, tr } = ctx.potluck;
    const [, action, contributionId, datanetId, reason] = ctx.match;
    const accountId = await ctx.potluck.accountId();
    if (action === 'r') {
      await ctx.answerCallbackQuery();
      await editHtml(ctx, ht(tr, 'tg-review-why', { id: contributionId }), {
        reply_markup: reasonKeyboard(tr, contributionId, datanetId),
      });
      return;
    }
    let line: Html | string = '';
    if (action === 'a' || action === 'x') {
      const approve = action === 'a';
      const vote = await app.validation.vote({
        accountId,
        contributionId,
        approve,
        reason: !approve && reason && reason !== '-' ? english.t(REASONS[Number(reason)]) : undefined,
      });
      const state =
        vote.status === 'pending'
          ? ht(tr, 'tg-review-sealed')
          : ht(tr, 'tg-review-now', { status: html`<b>${text(tr.t(STATUS[vote.status]))}</b>` });
      const did = ht(tr, approve ? 'review-you-approved' : 'review-you-rejected', {
        id: contributionId,
        weight: formatAmount(vote.weight, { tr }),
      });
      line = html`${did} ${state}\n\n`;
      await ctx.answerCallbackQuery({ text: tr.t(approve ? 'review-approved' : 'review-rejected') });
    } else {
      await ctx.answerCallbackQuery();
    }
    const next = await nextCard(app, tr, accountId, [datanetId], action === 's' ? contributionId : undefined);
    await editHtml(ctx, html`${line}${next.body}`, next.keyboard ? { reply_markup: next.keyboard } : {});
  });
  return feature;
}

function cardKeyboard(tr: Translator, contributionId: string, datanetId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(`✅ ${tr.t('review-approve')}`, `rv:a:${contributionId}:${datanetId}`)
    .text(`❌ ${tr.t('review-reject')}`, `rv:r:${contributionId}:${datanetId}`)
    .text(`⏭ ${tr.t('review-skip')}`, `rv:s:${contributionId}:${datanetId}`);
}
