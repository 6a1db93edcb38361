import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { pot } from '../render/format.ts';

/** Test tokens for a development community; only registered when DEV_FAUCET_ENABLED is on. */
export const faucetCommand: CommandModule = {
  name: 'faucet',
  definition: (config) =>
    config.faucet.enabled
      ? new SlashCommandBuilder()
          .setName('faucet')
          .setDescription('Get development POT (test servers only)')
          .toJSON()
      : null,
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const r = await ctx.app.ledger.requestFaucet({
      accountId: await accountOf(ctx, interaction.user),
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    await interaction.editReply(`🚰 ${pot(r.amount)} added to your balance. See it with \`/rewards\`.`);
  },
};
