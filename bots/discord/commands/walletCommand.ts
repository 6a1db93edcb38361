import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { badInput } from '../../../src/errors.ts';
import type { CommandModule, ComponentModule } from '../commandModule.ts';
import { accountOf } from '../context.ts';
import { relativeTime } from '../render/format.ts';

const FENCE = /```\n([\s\S]+?)\n```/;

export const walletCommand: CommandModule = {
  name: 'wallet',
  definition: () =>
    new SlashCommandBuilder()
      .setName('wallet')
      .setDescription('The EVM wallet your rewards are claimed to')
      .addSubcommand((s) =>
        s
          .setName('link')
          .setDescription('Link a wallet by signing a Sign-In with Ethereum message')
          .addStringOption((o) =>
            o
              .setName('address')
              .setDescription('0x… address')
              .setRequired(true)
              .setMinLength(42)
              .setMaxLength(42),
          ),
      )
      .addSubcommand((s) => s.setName('unlink').setDescription('Unlink your wallet'))
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const accountId = await accountOf(ctx, interaction.user);
    if (interaction.options.getSubcommand() === 'unlink') {
      const r = await ctx.app.wallets.unlink({ accountId });
      await interaction.editReply(r.address ? `Unlinked \`${r.address}\`.` : 'You had no wallet linked.');
      return;
    }
    const link = await ctx.app.wallets.startLink({
      accountId,
      address: interaction.options.getString('address', true),
    });
    await interaction.editReply({
      content: `✍️ Sign this message with \`${link.address}\` (personal_sign, e.g. in your wallet's "sign message"), then press **Submit signature**. It expires ${relativeTime(link.expiresAt)}.\n\`\`\`\n${link.message}\n\`\`\``,
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId('wallet:sign')
            .setLabel('Submit signature')
            .setStyle(ButtonStyle.Primary),
        ),
      ],
    });
  },
};

/** The button opens a form with the message to sign (unchanged) and a field for the signature. */
export const walletSignature: ComponentModule = {
  prefix: 'wallet',
  acknowledge: (customId) => (customId === 'wallet:sign' ? 'none' : 'update'),
  async button(interaction) {
    const message = FENCE.exec(interaction.message.content)?.[1];
    if (!message) throw badInput('That sign-in message is gone. Start again with /wallet link.');
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId('wallet:finish')
        .setTitle('Link your wallet')
        .addLabelComponents(
          new LabelBuilder()
            .setLabel('Message you signed (leave as is)')
            .setTextInputComponent(
              new TextInputBuilder()
                .setCustomId('message')
                .setStyle(TextInputStyle.Paragraph)
                .setValue(message)
                .setMaxLength(4000),
            ),
          new LabelBuilder()
            .setLabel('Signature (0x…)')
            .setTextInputComponent(
              new TextInputBuilder()
                .setCustomId('signature')
                .setStyle(TextInputStyle.Paragraph)
                .setMinLength(4)
                .setMaxLength(1000),
            ),
        ),
    );
  },
  async modal(interaction, _args, ctx) {
    const r = await ctx.app.wallets.finishLink({
      accountId: await accountOf(ctx, interaction.user),
      message: interaction.fields.getTextInputValue('message'),
      signature: interaction.fields.getTextInputValue('signature').trim(),
    });
    await interaction.editReply({
      content: r.alreadyLinked
        ? `\`${r.address}\` was already your wallet.`
        : `🔗 Wallet \`${r.address}\` linked${r.replaced ? ` (replacing \`${r.replaced}\`)` : ''}. Rewards settle to it each epoch; claim with /claim.`,
      components: [],
    });
  },
};
