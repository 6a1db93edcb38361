import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/accounts/languages.ts';
import { bundleFor, LOCALES_DIR, messageIds } from './catalogue.ts';
import { pickLanguage, translator } from './translator.ts';

const BOTS_DIR = fileURLToPath(new URL('../', import.meta.url));

function botSources(dir = BOTS_DIR): { path: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}${entry.name}`;
    if (entry.isDirectory()) return botSources(`${path}/`);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [{ path, source: readFileSync(path, 'utf8') }];
  });
}

describe('message catalogues', () => {
  it('has one catalogue per language and no other', () => {
    const files = readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.ftl'));
    expect(files.sort()).toEqual(LANGUAGES.map((l) => `${l}.ftl`).sort());
  });

  it('gives every language the same message ids, each once, with a value that parses', () => {
    const english = messageIds('en');
    expect(new Set(english).size).toBe(english.length);
    for (const language of LANGUAGES) {
      const ids = messageIds(language);
      expect(new Set(ids).size, `${language} repeats an id`).toBe(ids.length);
      expect(
        english.filter((id) => !ids.includes(id)),
        `missing in ${language}.ftl`,
      ).toEqual([]);
      expect(
        ids.filter((id) => !english.includes(id)),
        `only in ${language}.ftl`,
      ).toEqual([]);
      const bundle = bundleFor(language);
      for (const id of ids) expect(bundle.getMessage(id)?.value, `${language}:${id}`).toBeTruthy();
    }
  });

  it('gives each message the same arguments in every language', () => {
    const argsOf = (language: 'en' | 'fa') => {
      const source = readFileSync(new URL(`${language}.ftl`, LOCALES_DIR), 'utf8');
      // A message is its line and the indented lines under it (selectors, continued text).
      return new Map(
        [...source.matchAll(/^([a-zA-Z][\w-]*)\s*=(.*(?:\n[ \t]+.*)*)/gm)].map((m) => [
          m[1],
          [...new Set([...m[2].matchAll(/\$(\w+)/g)].map((a) => a[1]))].sort(),
        ]),
      );
    };
    const en = argsOf('en');
    const fa = argsOf('fa');
    for (const [id, args] of en) expect(fa.get(id), id).toEqual(args);
  });

  it('knows every message id the bots render', () => {
    const prefixes = new Set(messageIds('en').map((id) => id.split('-')[0]));
    const known = new Set(messageIds('en'));
    const used = new Map<string, string>();
    const dynamic: string[] = [];
    for (const { path, source } of botSources()) {
      // Message ids are always written out whole, so this scan sees every one the bots can render.
      if (/\b(?:t|ht)\(\s*(?:[\w.]+,\s*)?`/.test(source)) dynamic.push(path);
      for (const m of source.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'/g)) {
        if (prefixes.has(m[1].split('-')[0])) used.set(m[1], path);
      }
    }
    expect(dynamic, 'message ids built at run time').toEqual([]);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter(([id]) => !known.has(id))).toEqual([]);
  });
});

describe('translator', () => {
  it('writes Persian numbers, amounts and dates in Persian digits', () => {
    const fa = translator('fa');
    expect(fa.number(1234)).toBe('۱٬۲۳۴');
    expect(fa.amount(1_234_500_000_000_000_000_000n)).toBe('۱٬۲۳۴٫۵ POT');
    expect(fa.amount(1n)).toBe('۰٫۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۰۱ POT');
    expect(fa.date(new Date('2026-03-21T08:05:00Z'))).toMatch(/^۱ فروردین ۱۴۰۵،? .*۸:۰۵ UTC$|۰۸:۰۵ UTC$/);
    const en = translator('en');
    expect(en.amount(-1_234_500_000_000_000_000_000n)).toBe('−1,234.5 POT');
    expect(en.amount(5n * 10n ** 18n, { signed: true })).toBe('+5 POT');
  });

  it('isolates arguments inside Persian text and leaves English text bare', () => {
    const fa = translator('fa').t('rewards-wallet', { wallet: '0xabc' });
    expect(fa).toBe('کیف پول \u20680xabc\u2069');
    expect(translator('en').t('rewards-wallet', { wallet: '0xabc' })).toBe('Wallet 0xabc');
  });

  it('refuses an id no catalogue has', () => {
    expect(() => translator('fa').t('rewards-nonexistent')).toThrow(/rewards-nonexistent/);
  });

  it('prefers the stored choice, then the client language, then English', () => {
    expect(pickLanguage('fa', 'en-US')).toBe('fa');
    expect(pickLanguage(null, 'fa')).toBe('fa');
    expect(pickLanguage(null, 'fa-IR')).toBe('fa');
    expect(pickLanguage(null, 'en-GB')).toBe('en');
    expect(pickLanguage(null, 'de')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
  });
});
