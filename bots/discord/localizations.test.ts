import { Locale } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_LOCALES, localizations } from './localizations.ts';

describe('Discord command localisations', () => {
  afterEach(() => {
    DISCORD_LOCALES.fa = [];
  });

  it('sends no locale Discord lacks: Persian has none, so the map is empty', () => {
    const known = new Set<string>(Object.values(Locale));
    expect(known.has('fa')).toBe(false);
    for (const locales of Object.values(DISCORD_LOCALES)) {
      for (const locale of locales) expect(known.has(locale)).toBe(true);
    }
    expect(localizations('cmd-language-description')).toEqual({});
  });

  it('fills every Discord locale mapped to a language from its catalogue', () => {
    // As if Discord had a locale for Persian: the catalogue's text goes under it.
    DISCORD_LOCALES.fa = ['hi'];
    expect(localizations('cmd-language-description')).toEqual({
      hi: 'زبانی که بات با آن به شما پاسخ می‌دهد',
    });
  });
});
