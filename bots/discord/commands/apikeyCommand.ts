import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';

export const apikeyCommand: CommandModule = {
  name: 'apikey',
  definition: () =>
    new SlashCommandBuilder()
      .setName('apikey')
      .setDescription('Create an API key so an MCP client (an AI agent) can act for you; shown once')
      .addStringOption((o) =>
        o.setName('name').setDescription('A label, e.g. "laptop claude"').setMaxLength(64),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const key = await ctx.app.accounts.createApiKey({
      accountId: await accountOf(ctx, interaction.user),
      name: interaction.options.getString('name') ?? 'discord',
    });
    await interaction.editReply(
      `${ctx.tr.t('dc-apikey-created')}\n\`\`\`\n${key.apiKey}\n\`\`\`${ctx.tr.t('dc-apikey-how', {
        header: '`Authorization: Bearer …`',
        variable: '`POTLUCK_API_KEY`',
        command: '`potluck mcp`',
      })}\n-# ${ctx.tr.t('dc-apikey-warning', { id: key.keyId })}`,
    );
  },
};
