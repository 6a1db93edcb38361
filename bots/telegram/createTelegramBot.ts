import { autoRetry } from '@grammyjs/auto-retry';
import { hydrateFiles } from '@grammyjs/files';
import { sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { App } from '../../src/app.ts';
import type { TelegramConfig } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { attachPotluck, type PotluckContext } from './context.ts';
import { dedupeUpdates } from './dedupeUpdates.ts';
import { buildFeature } from './features/buildFeature.ts';
import { chartFeature } from './features/chartFeature.ts';
import { claimFeature } from './features/claimFeature.ts';
import { contributeFeature } from './features/contributeFeature.ts';
import { fallbackFeature } from './features/fallbackFeature.ts';
import { historyFeature } from './features/historyFeature.ts';
import { languageFeature } from './features/languageFeature.ts';
import { leaderboardFeature } from './features/leaderboardFeature.ts';
import { linkFeature } from './features/linkFeature.ts';
import { modelsFeature } from './features/modelsFeature.ts';
import { notifyFeature } from './features/notifyFeature.ts';
import { previewFeature } from './features/previewFeature.ts';
import { reviewFeature } from './features/reviewFeature.ts';
import { rewardsFeature } from './features/rewardsFeature.ts';
import { startFeature } from './features/startFeature.ts';
import { walletFeature } from './features/walletFeature.ts';
import { replyToError } from './replyToError.ts';

export interface CreateTelegramBotOptions {
  log?: Logger;
  /** Skips the getMe call at start when already known (tests, webhook cold starts). */
  botInfo?: UserFromGetMe;
  /** How long a file download may take before it is given up (default 30 s). */
  fileTimeoutMs?: number;
}

/**
 * The grammy bot with every feature: a thin adapter that parses, calls a use case and renders.
 * No network happens here; polling or the webhook is started by `createTelegramRuntime`.
 */
export function createTelegramBot(
  app: App,
  config: TelegramConfig,
  options: CreateTelegramBotOptions = {},
): Bot<PotluckContext> {
  if (!config.token) {
    throw new AppError('BAD_CONFIG', 'TELEGRAM_TOKEN is not set: create a bot with @BotFather and set it.');
  }
  const log = options.log ?? app.deps.log;
  const bot = new Bot<PotluckContext>(config.token, {
    client: { apiRoot: config.apiRoot },
    botInfo: options.botInfo,
  });
  // A 429 (flood control) is waited out and retried: Telegram says how long in retry_after. A longer
  // wait than a minute is refused instead, so one reply cannot hold its update indefinitely.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  // getFile results learn where their bytes are (the API root, or a local Bot API server's path).
  bot.api.config.use(hydrateFiles(config.token, { apiRoot: config.apiRoot }));
  // The runner handles updates concurrently; within one chat they still run in order, so a slow
  // /ask holds only its own chat, and a button press never overtakes the message it answers.
  bot.use(sequentialize((ctx) => (ctx.chat ?? ctx.callbackQuery?.message?.chat)?.id.toString()));
  // Before anything else: a redelivered update must not even reach a feature.
  bot.use(dedupeUpdates(app.database.sql));
  bot.use(attachPotluck(app, config, log));
  bot.use(
    startFeature(),
    languageFeature(),
    linkFeature(),
    rewardsFeature(),
    historyFeature(),
    claimFeature(),
    walletFeature(),
    modelsFeature(),
    notifyFeature(),
    contributeFeature({ fileTimeoutMs: options.fileTimeoutMs }),
    reviewFeature(),
    buildFeature(),
    leaderboardFeature(),
    previewFeature(),
    chartFeature(),
    fallbackFeature(),
  );
  bot.catch(replyToError(log));
  return bot;
}
