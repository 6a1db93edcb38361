import { SlashCommandBuilder } from 'discord.js';
import { isAppError } from '../../../src/errors.ts';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { localizations } from '../localizations.ts';
import { relativeTime } from '../render/format.ts';

export const claimCommand: CommandModule = {
  name: 'claim',
  definition: () =>
    new SlashCommandBuilder()
      .setName('claim')
      .setDescription(translator('en').t('dc-claim-description'))
      .setDescriptionLocalizations(localizations('dc-claim-description'))
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const { tr } = ctx;
    const accountId = await accountOf(ctx, interaction.user);
    try {
      const r = await ctx.app.rewards.submitClaim({ accountId });
      await interaction.editReply(
        `${tr.t('dc-claim-done', {
          amount: tr.amount(r.amount),
          wallet: `\`${r.wallet}\``,
          epoch: tr.number(r.epoch),
          total: tr.amount(r.cumulativeAmount),
        })}\n-# ${tr.t('dc-claim-tx', { tx: `\`${r.txHash}\`` })}`,
      );
    } catch (error) {
      // On a public chain the server does not pay gas: the user claims from their wallet with the proof.
      if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
      const c = await ctx.app.rewards.getClaim({ accountId });
      if (c.amount === 0n) {
        await interaction.editReply(tr.t('dc-claim-nothing'));
        return;
      }
      // The claim page sends it from the user's wallet: no proof to copy.
      const page = await ctx.app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'discord' });
      await interaction.editReply(
        tr.t('dc-claim-page', {
          amount: tr.amount(c.amount),
          wallet: `\`${c.wallet}\``,
          url: page.url,
          when: relativeTime(page.expiresAt),
        }),
      );
    }
  },
};
