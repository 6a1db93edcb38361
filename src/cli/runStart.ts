import type { DiscordBot } from '../../bots/discord/createDiscordBot.ts';
import type { TelegramRuntime } from '../../bots/telegram/createTelegramRuntime.ts';
import { jobDefinitions } from '../../jobs/jobDefinitions.ts';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { startHttpServer } from '../http/startHttpServer.ts';
import { recordServiceAddress } from './serviceAddress.ts';

/**
 * Runs the service until SIGINT/SIGTERM, then drains: no new work is taken, requests and jobs in
 * flight get SHUTDOWN_DEADLINE_SECONDS to finish, then everything closes in order (HTTP, then the
 * app with its database) and it exits 0, so a supervisor's stop never cuts an answer or loses
 * committed work.
 */
export async function runStart(config: Config): Promise<number> {
  const app = await createApp(config, { jobDefinitions });
  // Telegram runs inside the service when TELEGRAM_TOKEN is set; a webhook mounts on the HTTP server.
  // The bots' libraries (grammy, discord.js) load only when their token is set: most starts run neither.
  const telegram = config.telegram.token
    ? (await import('../../bots/telegram/createTelegramRuntime.ts')).createTelegramRuntime(
        app,
        config.telegram,
      )
    : undefined;
  const http = await startHttpServer(app, config.http, { telegramWebhook: telegram?.webhook });
  // Only the embedded database locks out other processes; they then read where to go instead.
  const forgetAddress =
    app.database.kind === 'pglite' ? recordServiceAddress(config.dataDir, `${http.url}/mcp`) : () => {};
  const telegramLine = await startTelegramInService(telegram);
  // Discord runs inside the service when DISCORD_TOKEN is set (or alone: `potluck discord`).
  const discord: { line: string; bot?: DiscordBot } = config.discord.token
    ? await (await import('./runDiscord.ts')).startDiscordInService(app, config)
    : { line: 'off (set DISCORD_TOKEN to run the bot)' };
  const lines = [
    'Potluck is running.',
    `  database  ${app.database.kind === 'pglite' ? `embedded PGlite at ${app.database.location}` : `PostgreSQL ${app.database.location}`}`,
    `  jobs      ${config.redisUrl ? 'BullMQ on Redis' : 'in-process'}`,
    `  http      ${http.url} (MCP Streamable HTTP at /mcp; /health/live, /health/ready, /metrics)`,
    `  chain     ${chainLine(app)}`,
    `  faucet    ${config.faucet.enabled ? 'on (DEV_FAUCET_ENABLED)' : 'off'}`,
    `  telegram  ${telegramLine}`,
    `  discord   ${discord.line}`,
    // From process start (performance's time origin), so module loading counts too.
    `Ready in ${Math.round(performance.now())} ms. Press Ctrl+C to stop.`,
  ];
  // Listen before saying "ready": a supervisor may signal the moment it reads that line.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`Received ${signal}, shutting down...\n`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  await stopped;
  // One deadline for the whole drain, whatever part of it waits.
  const until = Date.now() + config.operations.shutdownDeadlineMs;
  const left = () => Math.max(0, until - Date.now());
  const draining = http.close(left());
  await telegram?.stop();
  await discord.bot?.stop();
  forgetAddress();
  await draining;
  await app.close({ deadlineMs: left() });
  process.stdout.write('Stopped cleanly.\n');
  return 0;
}

function chainLine(app: Awaited<ReturnType<typeof createApp>>): string {
  const chain = app.deps.chain;
  if (!chain) return 'off';
  const where = chain.kind === 'embedded' ? 'embedded EVM' : 'CHAIN_RPC_URL';
  return `${where}, chain ${chain.chainId}, vault ${chain.addresses.vault}`;
}

/** A Telegram outage at boot must not keep the rest of the service down: report it and go on. */
async function startTelegramInService(telegram: TelegramRuntime | undefined): Promise<string> {
  if (!telegram) return 'off (set TELEGRAM_TOKEN to run the bot)';
  try {
    await telegram.start();
    return `@${telegram.bot.botInfo.username} (${telegram.mode === 'webhook' ? 'webhook' : 'long polling'})`;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `not started: ${why}`;
  }
}
