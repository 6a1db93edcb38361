import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { Language } from '../../src/accounts/languages.ts';

/** One Fluent catalogue per language, shared by the Discord and Telegram bots. */
export const LOCALES_DIR = new URL('../../locales/', import.meta.url);

const bundles = new Map<Language, FluentBundle>();

/**
 * The bundle for a language, parsed once. Persian wraps every placeable in FSI…PDI so a Latin
 * name or a number inside a Persian sentence keeps its own direction; English needs no isolation
 * and stays byte-for-byte what the bots said before.
 */
export function bundleFor(language: Language): FluentBundle {
  let bundle = bundles.get(language);
  if (bundle) return bundle;
  bundle = new FluentBundle(language, { useIsolating: language !== 'en' });
  const resource = new FluentResource(readFileSync(new URL(`${language}.ftl`, LOCALES_DIR), 'utf8'));
  const errors = bundle.addResource(resource);
  if (errors.length) throw new Error(`locales/${language}.ftl: ${errors.map(String).join('; ')}`);
  bundles.set(language, bundle);
  return bundle;
}

/** Message ids of a catalogue, for the check that every language has every message. */
export function messageIds(language: Language): string[] {
  const source = readFileSync(new URL(`${language}.ftl`, LOCALES_DIR), 'utf8');
  return [...source.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]);
}
