import {
  REST,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
  Routes,
} from 'discord.js';
import type { Config } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import { commandDefinitions } from './commands/index.ts';

export interface RegisterResult {
  scope: 'guild' | 'global';
  guildId?: string;
  applicationId: string;
  names: string[];
}

/**
 * Replaces the bot's slash commands with this version's (a PUT overwrites, so removed commands
 * disappear too). In one guild when DISCORD_GUILD_ID is set (instant), otherwise globally (Discord
 * may take up to an hour to show changes everywhere).
 */
export async function registerCommands(config: Config): Promise<RegisterResult> {
  const { token, guildId } = config.discord;
  if (!token)
    throw new AppError('BAD_CONFIG', 'Set DISCORD_TOKEN to the bot token from the Discord developer portal.');
  const rest = new REST({ api: config.discord.apiUrl }).setToken(token);
  const applicationId =
    config.discord.applicationId ??
    ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const body = commandDefinitions(config);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: guildId ? 'guild' : 'global', guildId, applicationId, names: saved.map((c) => c.name) };
}
