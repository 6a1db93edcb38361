import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { isAppError } from '../../../src/errors.ts';
import { accountOf, type BotContext } from '../context.ts';
import { APPROVE, REJECT } from '../render/contributionEmbed.ts';
import { findReviewPost } from '../store/reviewPostStore.ts';

/**
 * A ✅/❌ on a review post (posts made before the Approve / Reject buttons) is a vote by whoever
 * reacted. Every reaction is taken off the post as soon as it is counted or refused, so the post
 * never shows who voted which way; the confirmation or the reason goes to the person privately. A
 * redelivered reaction is the same vote again, which the use case reports as replayed.
 */
export async function handleReaction(
  ctx: BotContext,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
): Promise<void> {
  const emoji = reaction.emoji.name;
  if (emoji !== APPROVE && emoji !== REJECT) return;
  if (user.id === reaction.client.user.id || user.bot) return;
  const post = await findPostOf(ctx, reaction);
  if (!post) return;
  const person = user.partial ? await user.fetch() : user;
  const takeOff = () =>
    reaction.users
      .remove(person.id)
      .catch((e) => ctx.log.warn('discord reaction removal failed', { error: e }));
  const tell = (text: string) =>
    // Someone with DMs closed still sees the reaction vanish; the reason is logged for admins.
    person.send(text).catch((e) =>
      ctx.log.info('discord dm refused', {
        userId: person.id,
        error: e instanceof Error ? e.message : String(e),
      }),
    );
  try {
    const vote = await ctx.app.validation.vote({
      accountId: await accountOf(ctx, person),
      contributionId: post.contributionId,
      approve: emoji === APPROVE,
    });
    await takeOff();
    if (vote.outcome) ctx.nudgeReviews();
    if (!vote.replayed)
      await tell(
        `Your ${emoji} on contribution #${post.contributionId} is counted and sealed until the outcome.`,
      );
  } catch (error) {
    if (!isAppError(error)) throw error;
    await takeOff();
    const why = `Your ${emoji} on contribution #${post.contributionId} was removed: ${error.message}`;
    const next =
      error.code === 'FORBIDDEN' && /stake/i.test(error.message)
        ? '\n-# Become a validator with /validator stake.'
        : '';
    await tell(`${why}${next}`);
  }
}

/**
 * The review feed records a post right after Discord accepts it, so a quick reaction can arrive
 * before the record: for a message the bot wrote (or one not cached, whose author is unknown),
 * look again for a moment before treating it as some other message.
 */
async function findPostOf(
  ctx: BotContext,
  reaction: MessageReaction | PartialMessageReaction,
): Promise<{ contributionId: string } | null> {
  const message = reaction.message;
  const maybeOurs = message.partial || message.author?.id === reaction.client.user.id;
  for (let attempt = 0; ; attempt++) {
    const post = await findReviewPost(ctx.app.database.sql, message.id);
    if (post || !maybeOurs || attempt >= 20) return post;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
