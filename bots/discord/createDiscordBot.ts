import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { newRequestId, withRequestContext } from '../../src/shared/requestContext.ts';
import { translator } from '../i18n/translator.ts';
import { commands, components } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { createInteractionHandler } from './handleInteraction.ts';
import { type EventNotifier, startEventNotifier } from './notifications/startEventNotifier.ts';
import { handleReaction } from './reviews/handleReaction.ts';
import { createReviewFeed } from './reviews/reviewFeed.ts';

export interface DiscordBot {
  client: Client;
  /** Activity DMs (/notifications): set once started; `tick()` runs a pass now. */
  notifier?: EventNotifier;
  /** Logs in and resolves once the gateway is ready (every guild received). */
  start(): Promise<void>;
  /** Stops taking new work, lets handlers in flight finish, then disconnects. */
  stop(): Promise<void>;
}

/**
 * The Discord surface. Intents are the minimum the features need (guilds for channels and roles,
 * reactions for review votes); partials let a reaction on a message posted before a restart still
 * arrive. Shard-agnostic: under discord.js's ShardingManager each process runs this same factory
 * and the review feed's database claims keep shards from posting twice.
 */
export function createDiscordBot(app: App, config: Config, options: { log?: Logger } = {}): DiscordBot {
  const token = config.discord.token;
  if (!token)
    throw new AppError('BAD_CONFIG', 'Set DISCORD_TOKEN to the bot token from the Discord developer portal.');
  const log = options.log ?? app.deps.log;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.GuildMember, Partials.Channel],
    rest: { api: config.discord.apiUrl },
    // Posts name people and roles; nobody should be pinged by the bot quoting them.
    allowedMentions: { parse: [] },
  });
  const shutdown = new AbortController();
  // Review posts are public: they stay in the community's base language.
  const english = translator('en');
  const feed = createReviewFeed(client, { app, config, log, shutdown: shutdown.signal, tr: english });
  const ctx: BotContext = {
    app,
    config,
    log,
    shutdown: shutdown.signal,
    nudgeReviews: () => feed.nudge(),
    tr: english,
  };
  const handleInteraction = createInteractionHandler(commands, components);
  const inFlight = new Set<Promise<unknown>>();
  let accepting = true;
  const track = (work: Promise<unknown>, what: string) => {
    const p = work.catch((error) => log.error('discord handler crashed', { what, error }));
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting)
      track(
        traced(() => handleInteraction(ctx, interaction)),
        'interaction',
      );
  });
  client.on(Events.MessageReactionAdd, (reaction, user) => {
    if (accepting)
      track(
        traced(() => handleReaction(ctx, reaction, user)),
        'reaction',
      );
  });
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn('discord shard disconnected', { shardId, code: event.code }),
  );

  const bot: DiscordBot = {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      feed.start();
      bot.notifier = startEventNotifier(client, { app, log });
      log.info('discord bot ready', { user: client.user?.tag, guilds: client.guilds.cache.size });
    },
    async stop() {
      if (!accepting) return;
      accepting = false;
      // Progress watchers end on this; other handlers run to completion.
      shutdown.abort();
      await feed.stop();
      await bot.notifier?.stop();
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
  return bot;
}

/** Each interaction or reaction is one request: its log lines (and the jobs it enqueues) share an id. */
function traced<T>(fn: () => Promise<T>): Promise<T> {
  return withRequestContext({ requestId: newRequestId() }, fn);
}
