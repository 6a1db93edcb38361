import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { normalizeText } from './normalizeText.ts';
import { runAutomaticChecks } from './runAutomaticChecks.ts';

const opts = { allowedLanguages: ['fa', 'en'], maxBytes: 2_000, minChars: 40 };

// Original lines, written for these tests.
const persianPoem = normalizeText(
  [
    'باران که می‌بارد کوچه بوی خاک می‌دهد',
    'مادرم پنجره را باز می‌کند و چیزی نمی‌گوید',
    'گنجشک‌ها زیر ناودان به صف نشسته‌اند',
    'و من هنوز نامه‌ای را که ننوشتم به یاد دارم',
  ].join('\n'),
);
const englishPoem = normalizeText(
  [
    'The kettle sang before the house was awake,',
    'and frost drew ferns across the kitchen glass.',
    'My father read the weather like a letter',
    'from a friend who never learned to spell.',
  ].join('\n'),
);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('runAutomaticChecks', () => {
  it('scores clean poems in an accepted language high, with no problems', () => {
    for (const [poem, language] of [
      [persianPoem, 'fa'],
      [englishPoem, 'en'],
    ]) {
      const r = runAutomaticChecks(poem, opts);
      expect(r).toMatchObject({ language, languageAllowed: true, problems: [] });
      expect(r.score).toBeGreaterThanOrEqual(85);
      expect(r.score).toBeLessThanOrEqual(100);
    }
  });

  it('counts characters as code points and bytes as UTF-8', () => {
    const r = runAutomaticChecks('😀 ب a', opts);
    expect(r.chars).toBe(5);
    expect(r.bytes).toBe(4 + 1 + 2 + 1 + 1);
  });

  it('refuses empty, oversized and unencodable text', () => {
    expect(refusal(() => runAutomaticChecks('', opts)).code).toBe('BAD_INPUT');
    expect(refusal(() => runAutomaticChecks(' \n ', opts)).code).toBe('BAD_INPUT');
    const big = refusal(() => runAutomaticChecks('ب'.repeat(1_001), opts));
    expect(big.code).toBe('TOO_LARGE');
    expect(big.details).toEqual({ bytes: 2_002, limit: 2_000 });
    expect(refusal(() => runAutomaticChecks('abc\uD800def', opts)).message).toMatch(/not valid Unicode/);
    expect(refusal(() => runAutomaticChecks('abc\uDC00', opts)).code).toBe('BAD_INPUT');
  });

  it('flags off-language text for the caller to refuse, naming the accepted languages', () => {
    const r = runAutomaticChecks('Ветер шумел над рекой, и звезды медленно гасли в тумане', opts);
    expect(r.languageAllowed).toBe(false);
    expect(r.language).toBe('ru');
    expect(r.problems[0]).toBe(
      'This looks like Russian (ru); this datanet accepts Persian (fa), English (en).',
    );
    expect(r.score).toBeLessThan(runAutomaticChecks(englishPoem, opts).score);
    const short = runAutomaticChecks('Hello, friend!', { ...opts, allowedLanguages: ['fa'] });
    expect(short.languageAllowed).toBe(false);
    expect(short.problems[0]).toBe('This text is in Latin script; this datanet accepts Persian (fa).');
  });

  it('notes a text too short for language detection and one below minChars', () => {
    const r = runAutomaticChecks('نان و نمک', opts);
    expect(r.languageAllowed).toBe(true);
    expect(r.language).toBe('und');
    expect(r.problems).toContain('Language not checked: fewer than 20 letters.');
    expect(r.problems.some((p) => p.startsWith('Short: 9 characters'))).toBe(true);
    expect(r.score).toBeLessThanOrEqual(runAutomaticChecks(englishPoem, opts).score - 20);
  });

  it('lowers the score for repeated lines, unprintable characters, symbol soup and padding', () => {
    const clean = runAutomaticChecks(englishPoem, opts).score;
    const lines = englishPoem.split('\n');
    const repeated = runAutomaticChecks([...lines, lines[0], lines[0], lines[0], lines[0]].join('\n'), opts);
    expect(repeated.problems.some((p) => p.includes('repeat an earlier line'))).toBe(true);
    expect(repeated.score).toBeLessThan(clean);

    const boxes = runAutomaticChecks(`${englishPoem}\n${'\uE000\uFFFD'.repeat(10)}`, opts);
    expect(boxes.problems.some((p) => p.startsWith('20 character(s) cannot be displayed'))).toBe(true);
    expect(boxes.score).toBeLessThan(clean);

    const soup = runAutomaticChecks(`${englishPoem}\n${'12 34 56 78 #$ %& *( )+ '.repeat(12)}`, opts);
    expect(soup.problems).toContain('Mostly digits, punctuation or symbols rather than words.');
    expect(soup.score).toBeLessThan(clean);

    const padding = runAutomaticChecks(`${englishPoem}\n${'a'.repeat(25)}`, opts);
    expect(padding.problems).toContain('A letter is repeated 25 times in a row.');
    const rule = runAutomaticChecks(`${englishPoem}\n${'-'.repeat(25)}`, opts);
    expect(rule.problems).toEqual([]);
  });

  it('keeps a poem with a refrain (a third of its lines, as in a villanelle) clean', () => {
    const lines = englishPoem.split('\n');
    const withRefrain = [lines[0], lines[1], lines[0], lines[2], lines[3], lines[0]].join('\n');
    expect(runAutomaticChecks(withRefrain, opts).problems).toEqual([]);
  });
});
