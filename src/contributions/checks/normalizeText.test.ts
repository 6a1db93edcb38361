import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalizeText.ts';

// Characters that exercise every rule, mixed with arbitrary code points (lone surrogates included).
const tricky = fc.constantFrom(
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '\u00A0',
  '\u2003',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000B',
  '\u0000',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '\u200F',
  'e',
  '\u0301',
  '\u0323',
  '\u212B',
  'A',
  '\u030A',
  'ا',
  'ی',
  '\u064B',
  '\u0640',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
);
const text = fc.string({
  unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 1 })),
  maxLength: 60,
});

describe('normalizeText', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no CR, junk, trailing spaces, long blank runs or non-NFC text', () => {
    fc.assert(
      fc.property(text, (raw) => {
        const out = normalizeText(raw);
        expect(out).not.toMatch(/[\uFEFF\u200B\u2028\u2029]|[^\P{Cc}\n\t]/u);
        expect(out).not.toMatch(/[^\S\n]\n/);
        expect(out).not.toMatch(/\n\n\n\n/);
        expect(out).toBe(out.normalize('NFC'));
        expect(out).toBe(out.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('unifies line endings and strips a BOM and zero-width spaces', () => {
    expect(normalizeText('\uFEFFone\r\ntwo\rthree\u2028four')).toBe('one\ntwo\nthree\nfour');
    expect(normalizeText('wo\u200Brd\u2060s')).toBe('words');
    expect(normalizeText('a\u0000b\u0007c')).toBe('abc');
  });

  it('keeps ZWNJ, which Persian spelling needs, and ZWJ', () => {
    expect(normalizeText('می\u200Cروم')).toBe('می\u200Cروم');
    expect(normalizeText('👩\u200D💻')).toBe('👩\u200D💻');
  });

  it('composes to NFC, also across removed junk', () => {
    expect(normalizeText('e\u0301')).toBe('\u00E9');
    expect(normalizeText('e\u200B\u0301')).toBe('\u00E9');
    expect(normalizeText('\u212B')).toBe('\u00C5');
  });

  it('trims lines and the text, and keeps at most two blank lines', () => {
    expect(normalizeText('  first  \t\n  second line \n\n')).toBe('first\n  second line');
    expect(normalizeText('a\n\n\nb')).toBe('a\n\n\nb');
    expect(normalizeText('a\n\n\n\n\n \n\nb')).toBe('a\n\n\nb');
  });

  it('replaces lone surrogates with U+FFFD', () => {
    expect(normalizeText('a\uD800b')).toBe('a\uFFFDb');
    expect(normalizeText('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });
});
