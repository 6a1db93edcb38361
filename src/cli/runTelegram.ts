import { createTelegramRuntime } from '../../bots/telegram/createTelegramRuntime.ts';
import { jobDefinitions } from '../../jobs/jobDefinitions.ts';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { startHttpServer } from '../http/startHttpServer.ts';

/**
 * `potluck telegram`: the Telegram bot alone, for running it apart from the service (against the
 * same PostgreSQL). Long polling needs no HTTP server; webhook mode serves the webhook (and
 * /health) on HTTP_HOST:HTTP_PORT. Stops cleanly on SIGINT/SIGTERM.
 */
export async function runTelegram(config: Config): Promise<number> {
  if (!config.telegram.token) {
    process.stderr.write('potluck telegram needs TELEGRAM_TOKEN (create a bot with @BotFather).\n');
    return 2;
  }
  const app = await createApp(config, { jobDefinitions });
  try {
    const telegram = createTelegramRuntime(app, config.telegram);
    const http = telegram.webhook
      ? await startHttpServer(app, config.http, { telegramWebhook: telegram.webhook })
      : undefined;
    try {
      await telegram.start();
      const where = http ? `webhook at ${http.url}${telegram.webhook?.path}` : 'long polling';
      process.stdout.write(
        `Telegram bot @${telegram.bot.botInfo.username} running (${where}). Press Ctrl+C to stop.\n`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    } finally {
      await telegram.stop();
      await http?.close();
    }
    process.stdout.write('Stopped cleanly.\n');
    return 0;
  } finally {
    await app.close();
  }
}
