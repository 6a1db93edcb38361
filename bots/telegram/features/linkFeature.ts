import { Composer } from 'grammy';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatWhen } from '../render/formatAmount.ts';
import { html, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

/** Redeems a code issued in Discord: this Telegram user joins that account and its rewards. */
export async function redeemAndReply(ctx: PotluckContext, code: string): Promise<void> {
  requirePrivateChat(ctx);
  const { app, identity, tr } = ctx.potluck;
  const result = await app.accounts.redeemLinkCode({ identity, code });
  await replyHtml(
    ctx,
    result.alreadyLinked
      ? text(tr.t('link-already'))
      : html`✅ <b>${text(tr.t('link-done-title'))}</b> ${text(tr.t('link-done-body'))}
${text(tr.t('link-see'))}`,
  );
}

/**
 * /link CODE joins this Telegram user to the account that issued CODE (in Discord: /link there).
 * /link alone issues a code from this account, for the other direction.
 */
export function linkFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('link', async (ctx) => {
    requirePrivateChat(ctx);
    const code = typeof ctx.match === 'string' ? ctx.match.trim() : '';
    if (code) return redeemAndReply(ctx, code);
    const accountId = await ctx.potluck.accountId();
    const issued = await ctx.potluck.app.accounts.createLinkCode({ accountId });
    const { tr } = ctx.potluck;
    await replyHtml(
      ctx,
      html`${ht(tr, 'link-code', { code: html`<code>${text(issued.code)}</code>` })}
${text(tr.t('link-code-how'))}
${ht(tr, 'link-code-expires', { when: formatWhen(issued.expiresAt, tr) })}

${text(tr.t('link-code-other'))}`,
    );
  });
  return feature;
}
