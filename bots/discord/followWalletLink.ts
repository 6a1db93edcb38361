import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from './context.ts';

/** An interaction's reply can be edited for 15 minutes; the follow stops a little before. */
const REPLY_EDITABLE_MS = 14 * 60 * 1000;

/**
 * Waits for the wallet page link in this ephemeral reply to be used, then edits the reply to say
 * which wallet was linked (or that the link expired). Polls the database, so the page may be served
 * by any instance. Stops at shutdown.
 */
export async function followWalletLink(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  url: string,
  expiresAt: Date,
  pollMs = 2000,
): Promise<void> {
  const until = Math.min(expiresAt.getTime() + pollMs, Date.now() + REPLY_EDITABLE_MS);
  while (!ctx.shutdown.aborted && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const status = await ctx.app.walletPage.linkStatus({ url });
    if (status.status === 'linked' && status.address) {
      await interaction.editReply({
        content: ctx.tr.t('dc-wallet-linked', { address: `\`${status.address}\`` }),
        components: [],
      });
      return;
    }
    if (status.status === 'expired' || status.status === 'unknown') break;
  }
  if (!ctx.shutdown.aborted)
    await interaction
      .editReply({ content: ctx.tr.t('dc-wallet-page-expired'), components: [] })
      .catch(() => {});
}
