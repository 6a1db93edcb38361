import { Composer } from 'grammy';
import { badInput } from '../../../src/errors.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatWhen } from '../render/formatAmount.ts';
import { html, link, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';
import { clearPendingWalletLink, savePendingWalletLink, takePendingWalletLink } from '../telegramStore.ts';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// 65-byte EOA signatures, or longer smart-account (ERC-1271/6492) ones.
const SIGNATURE = /^0x[0-9a-fA-F]{130,}$/;

/**
 * /wallet: link a wallet by Sign-In with Ethereum, in two messages. `/wallet 0xADDRESS` gives the
 * message to sign in the wallet; `/wallet 0xSIGNATURE` sends the signature back and the core
 * verifies it (nonce, expiry, domain, chain, signer). `/wallet unlink` removes it.
 */
export function walletFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('wallet', async (ctx) => {
    requirePrivateChat(ctx);
    const { app, tr } = ctx.potluck;
    const code = (value: string) => html`<code>${text(value)}</code>`;
    const sql = app.database.sql;
    const userId = ctx.from!.id;
    const arg = (typeof ctx.match === 'string' ? ctx.match : '').trim();
    const accountId = await ctx.potluck.accountId();

    if (arg === '') {
      const { wallet } = await app.rewards.getRewards({ accountId, historyLimit: 0 });
      // The wallet page confirms here once linked (the notifier tells this chat).
      const page = await app.walletPage.createLink({
        accountId,
        purpose: 'link',
        surface: 'telegram',
        notifyRef: String(ctx.chat!.id),
      });
      await replyHtml(
        ctx,
        html`👛 ${wallet ? ht(tr, 'tg-wallet-linked-now', { wallet: code(wallet) }) : text(tr.t('tg-wallet-none'))}
${text(tr.t('tg-wallet-about'))}

${ht(tr, 'tg-wallet-page', { when: formatWhen(page.expiresAt, tr) })}
${link(page.url, text(page.url.split('#')[0]))}

${text(tr.t('tg-wallet-how'))}`,
      );
      return;
    }
    if (arg.toLowerCase() === 'unlink') {
      const { address } = await app.wallets.unlink({ accountId });
      await replyHtml(
        ctx,
        address ? ht(tr, 'tg-wallet-unlinked', { address: code(address) }) : text(tr.t('tg-wallet-was-none')),
      );
      return;
    }
    if (ADDRESS.test(arg)) {
      const started = await app.wallets.startLink({ accountId, address: arg });
      // The signed text must be byte-exact, so it is escaped but never isolated or trimmed.
      const { message, expiresAt } = started;
      await savePendingWalletLink(sql, { telegramUserId: userId, accountId, message, expiresAt });
      await replyHtml(
        ctx,
        html`✍️ <b>${text(tr.t('tg-wallet-sign-title'))}</b> ${ht(tr, 'tg-wallet-sign', { address: code(started.address) })}
<pre>${text(started.message)}</pre>
${ht(tr, 'tg-wallet-then', { when: formatWhen(started.expiresAt, tr) })}`,
      );
      return;
    }
    if (SIGNATURE.test(arg)) {
      const pending = await takePendingWalletLink(sql, userId, accountId);
      if (!pending) throw badInput(tr.t('tg-wallet-no-pending'));
      const linked = await app.wallets.finishLink({ accountId, message: pending.message, signature: arg });
      await clearPendingWalletLink(sql, userId);
      await replyHtml(
        ctx,
        linked.alreadyLinked
          ? ht(tr, 'tg-wallet-same', { address: code(linked.address) })
          : html`✅ <b>${text(tr.t('tg-wallet-done-title'))}</b> ${code(linked.address)}${linked.replaced ? html` ${ht(tr, 'tg-wallet-replaces', { previous: code(linked.replaced) })}` : ''}.
${text(tr.t('tg-wallet-done'))}`,
      );
      return;
    }
    throw badInput(ctx.potluck.tr.t('tg-wallet-bad'));
  });
  return feature;
}
