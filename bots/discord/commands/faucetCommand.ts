import { SlashCommandBuilder } from 'discord.js';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { localizations } from '../localizations.ts';

/** Test tokens for a development community; only registered when DEV_FAUCET_ENABLED is on. */
export const faucetCommand: CommandModule = {
  name: 'faucet',
  definition: (config) =>
    config.faucet.enabled
      ? new SlashCommandBuilder()
          .setName('faucet')
          .setDescription(translator('en').t('dc-faucet-description'))
          .setDescriptionLocalizations(localizations('dc-faucet-description'))
          .toJSON()
      : null,
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const r = await ctx.app.ledger.requestFaucet({
      accountId: await accountOf(ctx, interaction.user),
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    await interaction.editReply(
      ctx.tr.t('dc-faucet-done', { amount: ctx.tr.amount(r.amount), command: '`/rewards`' }),
    );
  },
};
