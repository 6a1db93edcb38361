import { Composer } from 'grammy';
import { isAppError } from '../../../src/errors.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatAmount, formatWhen } from '../render/formatAmount.ts';
import { type Html, html, link, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

/** The transaction as a link to the explorer when one is configured, else the bare hash. */
function renderTx(hash: string, explorerUrl: string | undefined): Html {
  const short = text(`${hash.slice(0, 10)}…${hash.slice(-8)}`);
  return explorerUrl ? link(`${explorerUrl}/tx/${hash}`, short) : html`<code>${text(hash)}</code>`;
}

async function claim(ctx: PotluckContext): Promise<void> {
  requirePrivateChat(ctx);
  const { app, config, tr } = ctx.potluck;
  const accountId = await ctx.potluck.accountId();
  const pending = await app.rewards.getClaim({ accountId });
  if (pending.amount === 0n) {
    const r = await app.rewards.getRewards({ accountId, historyLimit: 0 });
    await replyHtml(
      ctx,
      r.uncommitted > 0n
        ? ht(tr, 'claim-nothing-waiting', { amount: formatAmount(r.uncommitted, { tr }) })
        : text(tr.t('claim-nothing')),
    );
    return;
  }
  try {
    const done = await app.rewards.submitClaim({ accountId });
    await replyHtml(
      ctx,
      html`✅ <b>${ht(tr, 'claim-done', { amount: formatAmount(done.amount, { tr }) })}</b> ${ht(tr, 'claim-done-to', { wallet: html`<code>${text(done.wallet)}</code>` })}
${ht(tr, 'claim-tx', { tx: renderTx(done.txHash, config.explorerUrl) })}`,
    );
  } catch (error) {
    // This server only relays claims on its embedded chain; elsewhere the wallet sends it, from the claim page.
    if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
    const page = await app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'telegram' });
    await replyHtml(
      ctx,
      html`💸 ${ht(tr, 'claim-page', { amount: formatAmount(pending.amount, { tr }), when: formatWhen(page.expiresAt, tr) })}
${link(page.url, text(page.url.split('#')[0]))}`,
    );
  }
}

/** /claim and the Claim button: pays what is claimable to the linked wallet. */
export function claimFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('claim', claim);
  feature.callbackQuery('claim:go', async (ctx) => {
    // Answered after, so a refusal can still show as an alert on the button.
    await claim(ctx);
    await ctx.answerCallbackQuery();
  });
  return feature;
}
