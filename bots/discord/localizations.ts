import type { LocalizationMap } from 'discord.js';
import { LANGUAGES, type Language } from '../../src/accounts/languages.ts';
import { translator } from '../i18n/translator.ts';

/**
 * Discord's locale for each of our languages. English is the commands' base text. Discord has no
 * Persian locale (its client cannot be set to Persian, and both discord.js and the API refuse an
 * `fa` key, which would fail the whole registration), so Persian speakers pick it with /language.
 * A language added here with a Discord locale gets localised command names at the next register.
 */
export const DISCORD_LOCALES: Record<Language, readonly string[]> = {
  en: [],
  fa: [],
};

/** A `*_localizations` map for a catalogue message, for the locales Discord knows. */
export function localizations(id: string): LocalizationMap {
  const map: LocalizationMap = {};
  for (const language of LANGUAGES) {
    for (const locale of DISCORD_LOCALES[language]) {
      map[locale as keyof LocalizationMap] = translator(language).t(id);
    }
  }
  return map;
}
