import type { Interaction } from 'discord.js';
import type { RoleRules } from '../../src/accounts/requirePermission.ts';
import type { BotContext } from './context.ts';
import { guildRolePermissions } from './store/guildSettingsStore.ts';

/**
 * The role mapping this server's admins set with /settings, for the use cases to decide with
 * (they fall back to ROLE_PERMISSIONS for anything the server left unset). Outside a server: none.
 */
export async function roleRulesOf(ctx: BotContext, interaction: Interaction): Promise<RoleRules | undefined> {
  if (!interaction.inGuild()) return undefined;
  const rules = await guildRolePermissions(ctx.app.database.sql, interaction.guildId);
  return Object.keys(rules).length > 0 ? rules : undefined;
}
