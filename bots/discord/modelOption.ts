import type { AutocompleteInteraction } from 'discord.js';
import type { BotContext } from './context.ts';

/** Offers published models whose name starts with what the user typed; the value is the id. */
export async function modelAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused() ?? '').toLowerCase();
  const models = await ctx.app.models.list({ limit: 100 });
  const found = models.filter((m) => m.name.toLowerCase().startsWith(typed)).slice(0, 25);
  await interaction.respond(found.map((m) => ({ name: m.name.slice(0, 100), value: m.id })));
}
