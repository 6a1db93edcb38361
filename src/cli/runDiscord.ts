import { createDiscordBot, type DiscordBot } from '../../bots/discord/createDiscordBot.ts';
import { registerCommands } from '../../bots/discord/registerCommands.ts';
import { jobDefinitions } from '../../jobs/jobDefinitions.ts';
import { type App, createApp } from '../app.ts';
import type { Config } from '../config.ts';

const NO_TOKEN = 'potluck discord needs DISCORD_TOKEN (the bot token from the Discord developer portal).\n';

/**
 * `potluck discord register`: (re)registers the slash commands, in DISCORD_GUILD_ID or globally.
 * `potluck discord`: the Discord bot alone, against the same database as the service (or as one
 * process of a discord.js ShardingManager). Stops cleanly on SIGINT/SIGTERM.
 */
export async function runDiscord(config: Config, args: string[]): Promise<number> {
  if (!config.discord.token) {
    process.stderr.write(NO_TOKEN);
    return 2;
  }
  if (args[0] === 'register') {
    const r = await registerCommands(config);
    const where =
      r.scope === 'guild'
        ? `in guild ${r.guildId} (available now)`
        : 'globally (may take up to an hour to appear)';
    process.stdout.write(`Registered ${r.names.length} commands ${where}: /${r.names.join(', /')}\n`);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write('usage: potluck discord [register]\n');
    return 1;
  }
  const app = await createApp(config, { jobDefinitions });
  try {
    const bot = createDiscordBot(app, config);
    try {
      await bot.start();
      // Listening before saying so: a supervisor may signal as soon as it reads the line.
      const stopped = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      process.stdout.write(
        `Discord bot ${bot.client.user?.tag} running in ${bot.client.guilds.cache.size} server(s). Press Ctrl+C to stop.\n`,
      );
      await stopped;
    } finally {
      await bot.stop();
    }
    process.stdout.write('Stopped cleanly.\n');
    return 0;
  } finally {
    await app.close();
  }
}

/** For `potluck start`: a Discord outage at boot must not keep the rest of the service down. */
export async function startDiscordInService(
  app: App,
  config: Config,
): Promise<{ line: string; bot?: DiscordBot }> {
  if (!config.discord.token) return { line: 'off (set DISCORD_TOKEN to run the bot)' };
  const bot = createDiscordBot(app, config);
  try {
    await bot.start();
    return { line: `${bot.client.user?.tag} in ${bot.client.guilds.cache.size} server(s)`, bot };
  } catch (error) {
    await bot.stop().catch(() => {});
    return { line: `not started: ${error instanceof Error ? error.message : String(error)}` };
  }
}
