import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { badInput } from '../../../src/errors.ts';
import { parseTokens } from '../../../src/shared/amount.ts';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { localizations } from '../localizations.ts';

const en = translator('en');

/** /transfer @member amount: pays another member from the caller's balance (tips). */
export const transferCommand: CommandModule = {
  name: 'transfer',
  definition: () =>
    new SlashCommandBuilder()
      .setName('transfer')
      .setDescription(en.t('dc-transfer-description'))
      .setDescriptionLocalizations(localizations('dc-transfer-description'))
      .setContexts(InteractionContextType.Guild)
      .addUserOption((o) =>
        o
          .setName('to')
          .setDescription(en.t('dc-transfer-to'))
          .setDescriptionLocalizations(localizations('dc-transfer-to'))
          .setRequired(true),
      )
      .addStringOption((o) =>
        o
          .setName('amount')
          .setDescription(en.t('dc-transfer-amount'))
          .setDescriptionLocalizations(localizations('dc-transfer-amount'))
          .setRequired(true)
          .setMaxLength(40),
      )
      .addStringOption((o) =>
        o
          .setName('memo')
          .setDescription(en.t('dc-transfer-memo'))
          .setDescriptionLocalizations(localizations('dc-transfer-memo'))
          .setMaxLength(200),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const to = interaction.options.getUser('to', true);
    if (to.bot) throw badInput(ctx.tr.t('dc-transfer-bot'));
    const amount = parseTokens(interaction.options.getString('amount', true));
    const r = await ctx.app.ledger.transfer({
      fromAccountId: await accountOf(ctx, interaction.user),
      toAccountId: await accountOf(ctx, to),
      amount: amount.toString(),
      memo: interaction.options.getString('memo') ?? undefined,
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    const args = { amount: ctx.tr.amount(amount), name: to.globalName ?? to.username };
    await interaction.editReply(ctx.tr.t(r.replayed ? 'dc-transfer-replayed' : 'dc-transfer-done', args));
  },
};
