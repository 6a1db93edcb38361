import type http from 'node:http';
import { type RunnerHandle, run } from '@grammyjs/runner';
import { BotError, webhookCallback } from 'grammy';
import { LANGUAGES } from '../../src/accounts/languages.ts';
import type { App } from '../../src/app.ts';
import type { TelegramConfig } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { translator } from '../i18n/translator.ts';
import { menuIn } from './commandMenu.ts';
import { createTelegramBot } from './createTelegramBot.ts';
import { type Notifier, startNotifier } from './notifications/startNotifier.ts';

const STOP_WAIT_MS = 15_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The update kinds the features handle; Telegram sends nothing else. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramWebhookRoute {
  /** The path the HTTP server routes POSTs from Telegram to. */
  path: string;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

export interface TelegramRuntime {
  bot: ReturnType<typeof createTelegramBot>;
  mode: 'polling' | 'webhook';
  /** Present in webhook mode: mount it on the HTTP server before `start`. */
  webhook?: TelegramWebhookRoute;
  /** Set once started. */
  notifier?: Notifier;
  /** Checks the token (getMe), sets the command menu, then polls or registers the webhook. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface TelegramRuntimeOptions {
  log?: Logger;
  /** How often the notifier looks for due notifications; 0 = only when `notifier.tick()` is called. */
  notifyTickMs?: number;
  /** Polling timeout in seconds (Telegram holds an empty getUpdates this long). */
  pollingTimeoutSeconds?: number;
  /** How long a file download may take (default 30 s). */
  fileTimeoutMs?: number;
}

/**
 * Runs the bot: long polling by default (one process, no public URL needed), or a webhook when
 * TELEGRAM_WEBHOOK_URL is set (servers: Telegram POSTs each update with the secret header, which
 * grammy checks). Both paths end in the bot's one error boundary. Notifications run beside it.
 */
export function createTelegramRuntime(
  app: App,
  config: TelegramConfig,
  options: TelegramRuntimeOptions = {},
): TelegramRuntime {
  const log = options.log ?? app.deps.log;
  const bot = createTelegramBot(app, config, { log, fileTimeoutMs: options.fileTimeoutMs });
  const mode = config.webhook ? 'webhook' : 'polling';
  let polling: RunnerHandle | null = null;
  let notifier: Notifier | undefined;

  const webhook: TelegramWebhookRoute | undefined = config.webhook && {
    path: config.webhook.path,
    handle: webhookRoute(bot, config.webhook.secret, log),
  };

  const runtime: TelegramRuntime = {
    bot,
    mode,
    webhook,
    async start() {
      try {
        await bot.init();
      } catch (error) {
        // grammy's messages name the method and status, never the token.
        const why = error instanceof Error ? ` (${error.message})` : '';
        throw new AppError(
          'UNAVAILABLE',
          `Telegram refused TELEGRAM_TOKEN or could not be reached${why}.`,
          {},
          { cause: error },
        );
      }
      // One menu per chat type (groups leave out personal commands, which answer only in private),
      // in English for every app and in each other language for apps set to it.
      for (const language of LANGUAGES) {
        for (const scope of ['private', 'group'] as const) {
          const commands = menuIn(translator(language), scope).map(({ command, description }) => ({
            command,
            description,
          }));
          await bot.api
            .setMyCommands(commands, {
              scope: { type: scope === 'private' ? 'all_private_chats' : 'all_group_chats' },
              ...(language === 'en' ? {} : { language_code: language }),
            })
            .catch((error) => log.warn('telegram command menu not set', { language, scope, error }));
        }
      }
      if (config.webhook) {
        await bot.api.setWebhook(config.webhook.url, {
          secret_token: config.webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
      } else {
        polling = await startPolling(bot, options.pollingTimeoutSeconds ?? 30, log);
      }
      notifier = startNotifier({
        app,
        api: bot.api,
        log,
        intervalSeconds: config.notifyIntervalSeconds,
        tickMs: options.notifyTickMs ?? Math.min(30_000, config.notifyIntervalSeconds * 1000),
      });
      runtime.notifier = notifier;
      log.info('telegram bot started', { mode, username: bot.botInfo.username });
    },
    async stop() {
      await notifier?.stop();
      // The webhook stays registered on purpose: Telegram keeps updates for it while we restart.
      // Updates fetched but not yet confirmed come again after a restart; dedupeUpdates skips them.
      if (polling) {
        await polling.stop()?.catch((error) => log.warn('telegram polling stop failed', { error }));
        // Let updates being handled (an /ask mid-answer) finish before the app closes its database,
        // as bot.stop() did; a handler stuck past the bound is left to the process exit.
        const deadline = Date.now() + STOP_WAIT_MS;
        while (polling.size() > 0 && Date.now() < deadline) await delay(25);
      }
    },
  };
  return runtime;
}

/**
 * Long polling with grammY's runner: updates run concurrently (ordered per chat by the bot's
 * sequentialize), where bot.start() would finish each batch before fetching the next. A webhook
 * left from an earlier webhook deployment is removed first (Telegram refuses getUpdates beside
 * one); its pending updates are kept.
 */
async function startPolling(
  bot: ReturnType<typeof createTelegramBot>,
  timeout: number,
  log: Logger,
): Promise<RunnerHandle> {
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  // Passing fetch errors are retried by the runner with backoff (silent: they would go to the
  // console, not our log); one it cannot recover from (a revoked token) ends the task, logged here.
  const handle = run(bot, {
    runner: { fetch: { timeout, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
  });
  void handle.task()?.catch((error) => log.error('telegram polling stopped', { error }));
  return handle;
}

function webhookRoute(bot: ReturnType<typeof createTelegramBot>, secretToken: string, log: Logger) {
  // No timeout: a slow /ask keeps the request open; if Telegram retries meanwhile, the
  // update_id dedupe skips the retry.
  const callback = webhookCallback(bot, 'http', {
    secretToken,
    timeoutMilliseconds: Number.POSITIVE_INFINITY,
  });
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      await callback(req, res);
    } catch (error) {
      // The same boundary as polling: bot.catch's handler answers the user and logs.
      if (error instanceof BotError) {
        await bot.errorHandler(error);
      } else {
        // Not an update at all (unreadable body): nothing to answer in a chat.
        log.warn('telegram webhook request rejected', { error });
        if (!res.headersSent) res.writeHead(400);
      }
    } finally {
      // Telegram only needs a 200 to stop redelivering; the user already got the answer.
      if (!res.writableEnded) res.end();
    }
  };
}
