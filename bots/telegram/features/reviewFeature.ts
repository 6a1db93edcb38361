import { Composer, InlineKeyboard } from 'grammy';
import type { App } from '../../../src/app.ts';
import type { ReviewItem } from '../../../src/validation/listReviewQueue.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { block, type Html, html, inline, joinHtml, text } from '../render/html.ts';
import { editHtml, replyHtml } from '../render/send.ts';

/** Reasons a validator can give for a rejection with one tap (index in the callback data). */
const REASONS = ['Off-topic for this datanet', 'Low quality', 'Copy of another text', 'Wrong language'];

type Card = { body: Html; keyboard?: InlineKeyboard };

/**
 * The next item this validator may vote on: in one datanet, or across those they stake on.
 * `after` skips up to that contribution id (Skip), wrapping round to the oldest.
 */
async function nextCard(
  app: App,
  accountId: string,
  datanetIds: string[] | null,
  after?: string,
): Promise<Card> {
  const ids =
    datanetIds ??
    (await app.validation.status({ accountId })).stakes.filter((s) => s.staked > 0n).map((s) => s.datanetId);
  if (ids.length === 0) return { body: html`You don't validate any datanet yet: stake on one first.` };
  for (const datanetId of ids) {
    const queue = await app.validation.reviewQueue({ accountId, datanetId, limit: 25 });
    const skipped = after ? queue.filter((q) => q.contribution.id !== after) : queue;
    const item =
      skipped.find((q) => !after || Number(q.contribution.id) > Number(after)) ?? skipped[0] ?? null;
    if (item) return cardOf(item, (await app.datanets.get({ datanet: datanetId })).name);
  }
  return { body: html`🎉 Nothing is waiting for your vote.` };
}

/** A contribution as validators judge it: text, automatic checks, near-duplicate. Never a tally. */
function cardOf(item: ReviewItem, datanetName: string): Card {
  const c = item.contribution;
  const problems = c.checkProblems.slice(0, 4).map((p) => html`⚠️ ${inline(p)}`);
  const near = item.nearDuplicate
    ? html`\n🔁 Near-duplicate of #${item.nearDuplicate.contributionId} (${Math.round(item.nearDuplicate.similarity * 100)}% similar):\n${block(item.nearDuplicate.content, 400)}`
    : '';
  const body = html`📝 <b>Contribution #${c.id}</b> · ${inline(datanetName)}
${block(c.content, 2500)}

<b>Automatic checks</b>: score ${c.checkScore}/100 · language ${text(c.language)} · ${c.chars} characters${problems.length ? html`\n${joinHtml(problems)}` : ''}${near}
Deposit ${formatAmount(c.deposit)} · review closes ${text(item.closesAt.toISOString().slice(0, 16).replace('T', ' '))} UTC
<i>Votes stay sealed until the outcome: one vote each, final, weighted by stake.</i>`;
  return { body, keyboard: cardKeyboard(c.id, c.datanetId) };
}

function reasonKeyboard(contributionId: string, datanetId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  REASONS.forEach((r, i) => {
    keyboard.text(r, `rv:x:${contributionId}:${datanetId}:${i}`).row();
  });
  return keyboard
    .text('No reason', `rv:x:${contributionId}:${datanetId}:-`)
    .row()
    .text('⬅️ Back', `rv:b:${contributionId}:${datanetId}`);
}

/**
 * /review: a review card with Approve / Reject (with a reason) / Skip, under the same rules as
 * Discord and MCP, all enforced by the vote use case. Every press is read for whoever pressed it.
 */
export function reviewFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('review', async (ctx) => {
    requirePrivateChat(ctx);
    const { app } = ctx.potluck;
    const accountId = await ctx.potluck.accountId();
    const name = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    const only = name ? [(await app.datanets.get({ datanet: name })).id] : null;
    const card = await nextCard(app, accountId, only);
    await replyHtml(ctx, card.body, card.keyboard ? { reply_markup: card.keyboard } : {});
  });
  feature.callbackQuery(/^rv:([abrsx]):(\d+):(\d+)(?::(\d+|-))?$/, async (ctx) => {
    requirePrivateChat(ctx);
    const { app } = ctx.potluck;
    const [, action, contributionId, datanetId, reason] = ctx.match;
    const accountId = await ctx.potluck.accountId();
    if (action === 'r') {
      await ctx.answerCallbackQuery();
      await editHtml(
        ctx,
        html`❌ Reject contribution #${contributionId}: why? (Shown once the outcome is decided.)`,
        {
          reply_markup: reasonKeyboard(contributionId, datanetId),
        },
      );
      return;
    }
    let line: Html | string = '';
    if (action === 'a' || action === 'x') {
      const approve = action === 'a';
      const vote = await app.validation.vote({
        accountId,
        contributionId,
        approve,
        reason: !approve && reason && reason !== '-' ? REASONS[Number(reason)] : undefined,
      });
      const state =
        vote.status === 'pending'
          ? html`Your vote is sealed until the outcome.`
          : html`It is now <b>${text(vote.status)}</b>.`;
      const did = approve ? html`✅ You approved` : html`❌ You rejected`;
      line = html`${did} #${contributionId} with ${formatAmount(vote.weight)} of stake. ${state}\n\n`;
      await ctx.answerCallbackQuery({ text: approve ? 'Approved' : 'Rejected' });
    } else {
      await ctx.answerCallbackQuery();
    }
    const next = await nextCard(app, accountId, [datanetId], action === 's' ? contributionId : undefined);
    await editHtml(ctx, html`${line}${next.body}`, next.keyboard ? { reply_markup: next.keyboard } : {});
  });
  return feature;
}

function cardKeyboard(contributionId: string, datanetId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text('✅ Approve', `rv:a:${contributionId}:${datanetId}`)
    .text('❌ Reject', `rv:r:${contributionId}:${datanetId}`)
    .text('⏭ Skip', `rv:s:${contributionId}:${datanetId}`);
}
