import { Composer } from 'grammy';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatWhen } from '../render/formatAmount.ts';
import { html, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';

/** Redeems a code issued in Discord: this Telegram user joins that account and its rewards. */
export async function redeemAndReply(ctx: PotluckContext, code: string): Promise<void> {
  requirePrivateChat(ctx);
  const { app, identity } = ctx.potluck;
  const result = await app.accounts.redeemLinkCode({ identity, code });
  await replyHtml(
    ctx,
    result.alreadyLinked
      ? html`✅ This Telegram account was already linked to that account. Nothing changed.`
      : html`✅ <b>Linked.</b> Telegram and Discord now share one account: the same balance, rewards and history.
See them with /rewards.`,
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
    await replyHtml(
      ctx,
      html`🔗 Your link code: <code>${text(issued.code)}</code>
In Discord, run /link with this code to join that account to this one.
It works once and expires at ${formatWhen(issued.expiresAt)}.

Have a code from Discord instead? Send /link followed by it.`,
    );
  });
  return feature;
}
