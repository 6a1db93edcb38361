import type { GuildMember, Interaction, User } from 'discord.js';
import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/shared/createLogger.ts';

export interface BotContext {
  app: App;
  config: Config;
  log: Logger;
  /** Aborted when the bot stops: long watchers (training progress) end on it. */
  shutdown: AbortSignal;
  /** Asks the review feed to look for new posts and outcomes now rather than at the next tick. */
  nudgeReviews(): void;
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
export function rolesOf(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  if ('cache' in member.roles) {
    const roles = [...(member as GuildMember).roles.cache.values()];
    return roles.filter((r) => r.id !== r.guild.id).flatMap((r) => [r.id, r.name]);
  }
  // An uncached member arrives as raw API data: role ids only.
  return member.roles as string[];
}
