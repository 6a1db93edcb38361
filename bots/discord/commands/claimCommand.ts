import { SlashCommandBuilder } from 'discord.js';
import { isAppError } from '../../../src/errors.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { pot } from '../render/format.ts';

export const claimCommand: CommandModule = {
  name: 'claim',
  definition: () =>
    new SlashCommandBuilder()
      .setName('claim')
      .setDescription('Claim your settled rewards to your linked wallet')
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const accountId = await accountOf(ctx, interaction.user);
    try {
      const r = await ctx.app.rewards.submitClaim({ accountId });
      await interaction.editReply(
        `✅ Claimed ${pot(r.amount)} to \`${r.wallet}\` (epoch ${r.epoch}, ${pot(r.cumulativeAmount)} in total so far).\n-# Transaction \`${r.txHash}\``,
      );
    } catch (error) {
      // On a public chain the server does not pay gas: the user claims from their wallet with the proof.
      if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
      const c = await ctx.app.rewards.getClaim({ accountId });
      if (c.amount === 0n) {
        await interaction.editReply(
          'Nothing to claim yet: earnings become claimable after the next epoch settles.',
        );
        return;
      }
      await interaction.editReply(
        `💸 ${pot(c.amount)} is claimable by \`${c.wallet}\`. From that wallet, call \`claim(epoch, wallet, cumulativeAmount, proof)\` on the reward vault \`${c.vault}\` (chain ${c.chainId}):\n\`\`\`\nepoch: ${c.epoch}\nwallet: ${c.wallet}\ncumulativeAmount: ${c.cumulativeAmount}\nproof: [${c.proof.join(', ')}]\n\`\`\``.slice(
          0,
          2000,
        ),
      );
    }
  },
};
