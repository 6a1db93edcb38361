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
import { followWalletLink } from '../followWalletLink.ts';
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
          .setDescription('Link a wallet on a one-time wallet page (or give an address to sign here)')
          .addStringOption((o) =>
            o
              .setName('address')
              .setDescription('0x… address, to sign the message yourself instead of using the page')
              .setRequired(false)
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
      await interaction.editReply(
        r.address
          ? ctx.tr.t('dc-wallet-unlinked', { address: `\`${r.address}\`` })
          : ctx.tr.t('dc-wallet-none'),
      );
      return;
    }
    const address = interaction.options.getString('address');
    if (!address) {
      // The wallet page signs for the user; this ephemeral reply says when it is done.
      const page = await ctx.app.walletPage.createLink({ accountId, purpose: 'link', surface: 'discord' });
      await interaction.editReply(
        ctx.tr.t('dc-wallet-page', { url: page.url, when: relativeTime(page.expiresAt) }),
      );
      await followWalletLink(interaction, ctx, page.url, page.expiresAt, ctx.config.discord.progressMs);
      return;
    }
    const link = await ctx.app.wallets.startLink({ accountId, address });
    await interaction.editReply({
      content: `${ctx.tr.t('dc-wallet-sign', {
        address: `\`${link.address}\``,
        button: `**${ctx.tr.t('dc-wallet-submit')}**`,
        when: relativeTime(link.expiresAt),
      })}\n\`\`\`\n${link.message}\n\`\`\``,
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId('wallet:sign')
            .setLabel(ctx.tr.t('dc-wallet-submit'))
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
  async button(interaction, _args, ctx) {
    const message = FENCE.exec(interaction.message.content)?.[1];
    if (!message) throw badInput(ctx.tr.t('dc-wallet-gone'));
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId('wallet:finish')
        .setTitle(ctx.tr.t('dc-wallet-modal-title'))
        .addLabelComponents(
          new LabelBuilder()
            .setLabel(ctx.tr.t('dc-wallet-modal-message'))
            .setTextInputComponent(
              new TextInputBuilder()
                .setCustomId('message')
                .setStyle(TextInputStyle.Paragraph)
                .setValue(message)
                .setMaxLength(4000),
            ),
          new LabelBuilder()
            .setLabel(ctx.tr.t('dc-wallet-modal-signature'))
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
        ? ctx.tr.t('dc-wallet-same', { address: `\`${r.address}\`` })
        : r.replaced
          ? ctx.tr.t('dc-wallet-replaced', { address: `\`${r.address}\``, previous: `\`${r.replaced}\`` })
          : ctx.tr.t('dc-wallet-linked', { address: `\`${r.address}\`` }),
      components: [],
    });
  },
};
