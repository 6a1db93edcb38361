import type { Update } from 'grammy/types';
import {
  createTelegramRuntime,
  type TelegramRuntime,
  type TelegramWebhookRoute,
} from '../../bots/telegram/createTelegramRuntime.ts';
import type { App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type HttpServer, startHttpServer } from '../../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from '../support/createTestApp.ts';
import { type FakeTelegram, type RecordedCall, startFakeTelegram } from './startFakeTelegram.ts';

export const TEST_BOT_TOKEN = '7000001:AAFakeTokenForPotluckTests_0123456789';
export const WEBHOOK_SECRET = 'potluck-webhook-secret-for-tests';
const WEBHOOK_PATH = '/telegram/webhook';

export interface TelegramHarness {
  t: TestApp;
  app: App;
  fake: FakeTelegram;
  runtime: TelegramRuntime;
  http?: HttpServer;
  /**
   * Delivers one update and resolves with the bot's first message or edit in that chat made
   * after it (callback alerts count too, for buttons that are refused).
   */
  send(update: Update): Promise<RecordedCall>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'polling' | 'webhook';
  now?: () => Date;
  env?: Record<string, string>;
  /** Run the embedded chain (wallets, claims); off by default to start faster. */
  chain?: boolean;
  /** How long the bot waits for a file download. */
  fileTimeoutMs?: number;
}

const chatOf = (u: Update) =>
  u.message?.chat.id ?? u.callback_query?.message?.chat.id ?? u.callback_query?.from.id;

/**
 * A test app (PGlite, or PostgreSQL with TEST_DATABASE_URL), the fake Bot API, and the real
 * grammy bot pointed at it, by long polling or by webhook through the service's HTTP server.
 * The notifier has no timer here: tests call `runtime.notifier.tick()` with their own clock.
 */
export async function startTelegramHarness(options: HarnessOptions = {}): Promise<TelegramHarness> {
  const fake = await startFakeTelegram(TEST_BOT_TOKEN);
  const env = {
    TELEGRAM_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_NOTIFY_INTERVAL_SECONDS: '60',
    ...options.env,
  };
  const t = await createTestApp(env, { now: options.now, chain: options.chain ? undefined : false });
  let runtime: TelegramRuntime | undefined;
  let http: HttpServer | undefined;
  let config = t.app.config.telegram;
  if (options.mode === 'webhook') {
    // The route is mounted before the bot exists (its URL must name the port) and forwards to it.
    const handle: TelegramWebhookRoute['handle'] = (req, res) => runtime!.webhook!.handle(req, res);
    http = await startHttpServer(
      t.app,
      { host: '127.0.0.1', port: 0 },
      { telegramWebhook: { path: WEBHOOK_PATH, handle } },
    );
    config = loadConfig({
      ...env,
      TELEGRAM_WEBHOOK_URL: `${http.url}${WEBHOOK_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    }).telegram;
  }
  runtime = createTelegramRuntime(t.app, config, {
    notifyTickMs: 0,
    pollingTimeoutSeconds: 5,
    fileTimeoutMs: options.fileTimeoutMs,
  });
  await runtime.start();
  const started = runtime;
  return {
    t,
    app: t.app,
    fake,
    runtime: started,
    http,
    async send(update) {
      const from = fake.state.calls.length;
      const chat = chatOf(update);
      const waiting = fake.waitForCall(
        (c) =>
          (['sendMessage', 'editMessageText'].includes(c.method) && Number(c.payload.chat_id) === chat) ||
          (c.method === 'answerCallbackQuery' && c.payload.show_alert === true),
        from,
      );
      await fake.push(update);
      return waiting;
    },
    async close() {
      await started.stop();
      await http?.close();
      await fake.close();
      await t.cleanup();
    },
  };
}
