import { Composer } from 'grammy';
import { badInput } from '../../../src/errors.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatWhen } from '../render/formatAmount.ts';
import { html, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import {
  clearPendingWalletLink,
  savePendingWalletLink,
  takePendingWalletLink,
} from '../store/pendingWalletLinks.ts';

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
    const { app } = ctx.potluck;
    const sql = app.database.sql;
    const userId = ctx.from!.id;
    const arg = (typeof ctx.match === 'string' ? ctx.match : '').trim();
    const accountId = await ctx.potluck.accountId();

    if (arg === '') {
      const { wallet } = await app.rewards.getRewards({ accountId, historyLimit: 0 });
      await replyHtml(
        ctx,
        html`👛 ${wallet ? html`Your linked wallet: <code>${text(wallet)}</code>` : html`No wallet is linked yet.`}
Rewards are claimed on chain to the linked wallet.

To link one, send /wallet followed by its address (0x…). I reply with a message to sign in the wallet; send the signature back the same way. /wallet unlink removes the link.`,
      );
      return;
    }
    if (arg.toLowerCase() === 'unlink') {
      const { address } = await app.wallets.unlink({ accountId });
      await replyHtml(
        ctx,
        address
          ? html`Unlinked <code>${text(address)}</code>. Rewards already committed to it can still be claimed by it.`
          : html`No wallet was linked.`,
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
        html`✍️ <b>Sign this message</b> with the wallet <code>${text(started.address)}</code> (in your wallet app: “Sign message”), exactly as it is:
<pre>${text(started.message)}</pre>
Then send /wallet followed by the signature (0x…). It is valid until ${formatWhen(started.expiresAt)}.`,
      );
      return;
    }
    if (SIGNATURE.test(arg)) {
      const pending = await takePendingWalletLink(sql, userId);
      if (!pending)
        throw badInput(
          'There is no wallet link waiting for a signature. Start with /wallet followed by the address.',
        );
      const linked = await app.wallets.finishLink({ accountId, message: pending.message, signature: arg });
      await clearPendingWalletLink(sql, userId);
      await replyHtml(
        ctx,
        linked.alreadyLinked
          ? html`✅ <code>${text(linked.address)}</code> was already your wallet. Nothing changed.`
          : html`✅ <b>Wallet linked:</b> <code>${text(linked.address)}</code>${linked.replaced ? html` (it replaces <code>${text(linked.replaced)}</code>)` : ''}.
What you earn is committed to it each epoch; /claim pays it out.`,
      );
      return;
    }
    throw badInput(
      'That is neither a wallet address (0x and 40 hex digits) nor a signature. /wallet explains the steps.',
    );
  });
  return feature;
}
