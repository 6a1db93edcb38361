import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { REVIEW_STATUS_MESSAGE as STATUS } from '../../shared/reviewStatusMessage.ts';
import type { ComponentModule } from '../commandModule.ts';
import { accountOf, type BotContext } from '../context.ts';

/** Approve / Reject under a review-channel post. Pressing one shows nothing to anyone else. */
export function voteRow(contributionId: string): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(`vote:approve:${contributionId}`)
      .setLabel('Approve')
      .setStyle(ButtonStyle.Success),
    new ButtonBuilder()
      .setCustomId(`vote:reject:${contributionId}`)
      .setLabel('Reject')
      .setStyle(ButtonStyle.Danger),
  );
}

function reasonModal(contributionId: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`vote:reason:${contributionId}`)
    .setTitle(`Reject contribution #${contributionId}`.slice(0, 45))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Why? (shown once the outcome is decided)')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('reason')
            .setStyle(TextInputStyle.Paragraph)
            .setMaxLength(500)
            .setRequired(false),
        ),
    );
}

/** Casts the vote and says what happened, the same from a review post's buttons and from /review. */
export async function sealedVote(
  ctx: BotContext,
  accountId: string,
  contributionId: string,
  approve: boolean,
  reason?: string,
): Promise<string> {
  const vote = await ctx.app.validation.vote({
    accountId,
    contributionId,
    approve,
    reason: reason || undefined,
  });
  if (vote.outcome) ctx.nudgeReviews();
  const { tr } = ctx;
  const what = tr.t(approve ? 'review-you-approved' : 'review-you-rejected', {
    id: contributionId,
    weight: tr.amount(vote.weight),
  });
  const state =
    vote.status === 'pending'
      ? ` ${tr.t('dc-review-sealed')}`
      : ` ${tr.t('dc-review-now', { status: tr.t(STATUS[vote.status]) })}`;
  return `${what}${state}`;
}

/**
 * Votes from review-channel posts. The confirmation (or the refusal) is ephemeral, so a vote
 * leaves no public trace before the outcome: nothing to copy.
 */
export const voteButtons: ComponentModule = {
  prefix: 'vote',
  // Reject opens the reason form, which has to be the first response.
  acknowledge: (customId) => (customId.startsWith('vote:reject:') ? 'none' : 'ephemeral'),
  async button(interaction, [action, contributionId], ctx) {
    if (action === 'reject') {
      await interaction.showModal(reasonModal(contributionId));
      return;
    }
    const accountId = await accountOf(ctx, interaction.user);
    await interaction.editReply(await sealedVote(ctx, accountId, contributionId, true));
  },
  async modal(interaction, [, contributionId], ctx) {
    const accountId = await accountOf(ctx, interaction.user);
    const reason = interaction.fields.getTextInputValue('reason');
    await interaction.editReply(await sealedVote(ctx, accountId, contributionId, false, reason));
  },
};
