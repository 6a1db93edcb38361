import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Datanet } from '../../src/datanets/datanetStore.ts';
import type { BotContext } from './context.ts';

/** Offers datanets whose name starts with what the user typed; the value is the id, so renames can't mislead. */
export async function datanetAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused() ?? '').slice(0, 64);
  const found = await ctx.app.datanets.list({ search: typed || undefined, limit: 25 });
  await interaction.respond(found.map((d) => ({ name: d.name.slice(0, 100), value: d.id })));
}

/** The datanet named by an option: an id picked from autocomplete, or a name typed in full. */
export async function datanetFrom(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  option = 'datanet',
): Promise<Datanet> {
  return ctx.app.datanets.get({ datanet: interaction.options.getString(option, true) });
}
