import { type Client, DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { BotContext } from '../context.ts';
import { contributionEmbed } from '../render/contributionEmbed.ts';
import { reviewChannelMap } from '../store/guildSettingsStore.ts';
import {
  type ClaimedPost,
  claimReviewPosts,
  type DecidedPost,
  listDecidedPosts,
  markOutcomeShown,
  recordReviewPost,
} from '../store/reviewPostStore.ts';
import { reviewChannelFor, reviewScope, type SavedReviewChannels } from './reviewChannelFor.ts';
import { voteRow } from './voteButtons.ts';

const VOTE_FOOTER =
  'Validators: press Approve or Reject. Only you see your vote until the outcome; one vote each, final, weighted by stake.';
const DECIDED_FOOTER = 'Decided: voting is closed.';

export interface ReviewFeed {
  start(): void;
  /** Run a pass now (after a contribution or a deciding vote) instead of waiting for the timer. */
  nudge(): void;
  stop(): Promise<void>;
}

/**
 * Keeps review channels in step with the database: posts each new pending contribution (from any
 * surface) with Approve / Reject buttons (never public reactions: they would show the votes), and
 * edits a post once its contribution is decided (on any surface). State lives in the database, so a restart or several shard
 * processes neither lose nor double a post.
 */
export function createReviewFeed(client: Client, ctx: Omit<BotContext, 'nudgeReviews'>): ReviewFeed {
  const { app, log } = ctx;
  const sql = app.database.sql;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function post(p: ClaimedPost, saved: SavedReviewChannels): Promise<void> {
    const channelId = reviewChannelFor(ctx.config.discord, { id: p.datanetId, name: p.datanetName }, saved);
    if (!channelId) return;
    const c = await app.contributions.get({ contributionId: p.contributionId });
    const near = c.nearDuplicateOf
      ? await app.contributions.get({ contributionId: c.nearDuplicateOf })
      : null;
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      log.warn('discord review channel is not a text channel the bot can post in', { channelId });
      return;
    }
    const embed = contributionEmbed(c, p.datanetName, {
      nearDuplicateText: near?.content,
      footer: VOTE_FOOTER,
    });
    const message = await channel.send({ embeds: [embed], components: [voteRow(c.id)] });
    await recordReviewPost(sql, { contributionId: c.id, channelId, messageId: message.id });
  }

  async function showOutcome(d: DecidedPost): Promise<void> {
    const c = await app.contributions.get({ contributionId: d.contributionId });
    const datanet = await app.datanets.get({ datanet: c.datanetId });
    const embed = contributionEmbed(c, datanet.name, { outcome: d, footer: DECIDED_FOOTER });
    try {
      await client.rest.patch(Routes.channelMessage(d.channelId, d.messageId), {
        body: { embeds: [embed.toJSON()], components: [] },
      });
    } catch (error) {
      // A post someone deleted has nothing left to show the outcome on.
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage))
        throw error;
    }
    await markOutcomeShown(sql, d.contributionId);
  }

  async function pass(): Promise<void> {
    // Read each pass: a server's /settings change applies to the next post without a restart.
    const saved = await reviewChannelMap(sql);
    const scope = reviewScope(ctx.config.discord, saved);
    if (scope) {
      for (const p of await claimReviewPosts(sql, scope, 10)) {
        await post(p, saved).catch((error) =>
          log.warn('discord review post failed', { contributionId: p.contributionId, error }),
        );
      }
    }
    for (const d of await listDecidedPosts(sql, 25)) {
      await showOutcome(d).catch((error) =>
        log.warn('discord outcome edit failed', { contributionId: d.contributionId, error }),
      );
    }
  }

  function nudge(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await pass().catch((error) => log.warn('discord review feed pass failed', { error }));
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  }

  return {
    start() {
      if (timer || stopped) return;
      timer = setInterval(nudge, ctx.config.discord.review.pollMs);
      nudge();
    },
    nudge,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
