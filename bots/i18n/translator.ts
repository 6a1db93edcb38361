import type { FluentVariable } from '@fluent/bundle';
import { isLanguage, type Language } from '../../src/accounts/languages.ts';
import { formatTokenAmount } from '../../src/shared/formatTokenAmount.ts';
import { bundleFor } from './catalogue.ts';

export type MessageArgs = Record<string, FluentVariable>;

/** Everything a bot needs to speak one language: messages, numbers, amounts and dates. */
export interface Translator {
  language: Language;
  /** The message `id` with its arguments; an id missing from every catalogue throws (a bug). */
  t(id: string, args?: MessageArgs): string;
  /** An integer or decimal in the language's digits and grouping (۱٬۲۳۴ in Persian). */
  number(value: number | bigint | string): string;
  /** "1,234.5 POT": at most 4 decimals, tiny amounts in full so a real payout never reads as 0. */
  amount(value: bigint, options?: { signed?: boolean }): string;
  /** A date and time in the language's calendar, always in UTC so every reader sees the same. */
  date(value: Date): string;
  /** An already formatted figure ("33.5%") in the language's digits. */
  figure(value: string): string;
}

/** Each language's name, as a message id (the name itself is translated). */
export const LANGUAGE_NAME_IDS: Record<Language, string> = {
  en: 'language-name-en',
  fa: 'language-name-fa',
};

const cache = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  const cached = cache.get(language);
  if (cached) return cached;
  const bundle = bundleFor(language);
  const english = bundleFor('en');
  // Strings are exact decimals for Intl (no float rounding of a base-unit amount).
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 20 });
  const dates = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  });
  const percent = percentSign(language);
  const number = (value: number | bigint | string) =>
    numbers.format(value as Parameters<Intl.NumberFormat['format']>[0]);
  const tr: Translator = {
    language,
    t(id, args) {
      // A message missing here but present in English still reads, in English, rather than failing.
      const source = bundle.getMessage(id)?.value ? bundle : english;
      const message = source.getMessage(id);
      if (!message?.value) throw new Error(`No message "${id}" in the catalogue`);
      return source.formatPattern(message.value, args);
    },
    number,
    amount: (value, options = {}) => formatTokenAmount(value, { ...options, digits: number }),
    date: (value) => `${dates.format(value)} UTC`,
    figure: (value) =>
      language === 'en' ? value : value.replace(/\d+(?:\.\d+)?/g, (n) => number(n)).replace(/%/g, percent),
  };
  cache.set(language, tr);
  return tr;
}

/**
 * The language to answer in: the account's own choice first, then the client's (Discord locale
 * "en-US", Telegram language_code "fa"), then English.
 */
export function pickLanguage(stored: string | null | undefined, client: string | null | undefined): Language {
  if (stored && isLanguage(stored)) return stored;
  const base = (client ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : 'en';
}

/** The language's percent sign (٪ in Persian). */
function percentSign(language: Language): string {
  const parts = new Intl.NumberFormat(language, { style: 'percent' }).formatToParts(0.5);
  return parts.find((p) => p.type === 'percentSign')?.value ?? '%';
}
