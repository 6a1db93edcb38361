import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandStringOption,
} from 'discord.js';
import type { Datanet } from '../../src/datanets/datanetStore.ts';
import { translator } from '../i18n/translator.ts';
import type { BotContext } from './context.ts';
import { localizations } from './localizations.ts';

const en = translator('en');

/**
 * The `datanet` option most commands take: required, autocompleted, described in the reader's
 * language (`descriptionId` when a command words it its own way). Pair with `datanetAutocomplete`.
 */
export function datanetOption(descriptionId = 'dc-option-datanet') {
  return (o: SlashCommandStringOption): SlashCommandStringOption =>
    o
      .setName('datanet')
      .setDescription(en.t(descriptionId))
      .setDescriptionLocalizations(localizations(descriptionId))
      .setRequired(true)
      .setAutocomplete(true);
}

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
