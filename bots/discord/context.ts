import type { GuildMember, Interaction, User } from 'discord.js';
import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { pickLanguage, type Translator, translator } from '../i18n/translator.ts';

export interface BotContext {
  app: App;
  config: Config;
  log: Logger;
  /** Aborted when the bot stops: long watchers (training progress) end on it. */
  shutdown: AbortSignal;
  /** Asks the review feed to look for new posts and outcomes now rather than at the next tick. */
  nudgeReviews(): void;
  /** The language of whoever this interaction is for (English outside an interaction). */
  tr: Translator;
}

/**
 * The context for one interaction, speaking the user's language: their /language choice, else
 * their Discord client's locale. A failed lookup only costs the choice, never the command.
 */
export async function withUserLanguage(ctx: BotContext, interaction: Interaction): Promise<BotContext> {
  const stored = await ctx.app.accounts
    .getLanguage({ identity: `discord:${interaction.user.id}` })
    .catch(() => null);
  return { ...ctx, tr: translator(pickLanguage(stored, interaction.locale)) };
}

/** The Potluck account behind a Discord user, created on first use (nobody has to sign up). */
export async function accountOf(ctx: BotContext, user: User): Promise<string> {
  const { accountId } = await ctx.app.accounts.resolveIdentity({
    identity: `discord:${user.id}`,
    displayName: (user.globalName ?? user.username).slice(0, 100),
  });
  return accountId;
}

/** An interaction's id is unique per delivery target: the same key on a redelivery. */
export const idempotencyKeyOf = (interaction: Interaction): string => `discord:${interaction.id}`;

/** Role ids and names of the member, for the community's role rules (ROLE_PERMISSIONS). */
function rolesOf(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  if ('cache' in member.roles) {
    const roles = [...(member as GuildMember).roles.cache.values()];
    return roles.filter((r) => r.id !== r.guild.id).flatMap((r) => [r.id, r.name]);
  }
  // An uncached member arrives as raw API data: role ids only; names come from the guild's cache.
  const ids = member.roles as string[];
  return ids.flatMap((id) => {
    const name = interaction.guild?.roles.cache.get(id)?.name;
    return name ? [id, name] : [id];
  });
}

/**
 * Stores the member's current roles on their account (one row per server and user), before any
 * command runs: use cases decide permissions from the account, so the same roles apply to keys
 * this user makes for MCP, and a role removed here is gone there at the member's next interaction.
 */
export async function syncMemberRoles(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (!interaction.inGuild() || !interaction.member) return;
  await ctx.app.accounts.syncRoles({
    accountId: await accountOf(ctx, interaction.user),
    source: `discord:${interaction.guildId}:${interaction.user.id}`,
    roles: rolesOf(interaction),
  });
}
