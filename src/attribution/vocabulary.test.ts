import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { joinPersianAffixes } from './persianJoiners.ts';
import { decodeTokens, decodeWithOffsets, encodeText, segmentWords, Vocabulary } from './wordTokenizer.ts';

describe('Persian spellings without a ZWNJ', () => {
  it('match the ZWNJ spelling, while each text keeps its own', () => {
    const vocabulary = new Vocabulary();
    const written = encodeText('باران به روی بام‌های شهر می‌بارد\n', vocabulary, { grow: true });
    for (const typed of ['باران به روی بام‌های شهر میبارد\n', 'باران به روی بام های شهر می بارد\n']) {
      expect(Array.from(encodeText(typed, vocabulary))).toEqual(Array.from(written));
      expect(segmentWords(typed).join('')).toBe(typed);
    }
    // Shown as the snapshot wrote it.
    expect(decodeTokens(written, vocabulary)).toBe('باران به روی بام‌های شهر می‌بارد\n');
    expect(joinPersianAffixes('می بارد و نمی رود')).toBe('می\u200cبارد و نمی\u200cرود');
    // Only the affixes join: two ordinary words stay two.
    expect(segmentWords('کتاب کهنه')).toEqual(['کتاب', ' کهنه']);
  });

  it('are all the same word once in a vocabulary, so a duplicate is refused', () => {
    expect(() => Vocabulary.fromTokens(['می‌بارد', 'میبارد'])).toThrow(AppError);
    // A legacy (words-v1) vocabulary told them apart and still loads.
    const legacy = Vocabulary.fromBuffer(
      Buffer.from(JSON.stringify({ format: 'potluck-vocabulary-1', tokens: ['می‌بارد', 'میبارد'] })),
    );
    expect(legacy.legacy).toBe(true);
    expect(legacy.idOf('میبارد')).toBe(2);
    expect(Array.from(encodeText('می بارد', legacy))).toEqual([0, 0]);
  });
});

describe('decoding keeps words apart that no source wrote together', () => {
  const vocabulary = new Vocabulary();
  const ids = (text: string) => Array.from(encodeText(text, vocabulary));
  encodeText('هیچ‌کس برنمی‌گردد\nاما باد می‌خورد\nand the harbour wall\nکتاب باز است.', vocabulary, {
    grow: true,
  });

  it('gives a line-starting token its line break and a document-starting one a space', () => {
    const joined = [...ids(' برنمی‌گردد'), ...ids('اما'), ...ids(' می‌خورد'), ...ids('and')];
    expect(decodeTokens(joined, vocabulary)).toBe(' برنمی‌گردد\nاما می‌خورد\nand');
    // 'هیچ‌کس' only ever started the text: a space, never glued to 'wall'.
    expect(decodeTokens([...ids(' wall'), ...ids('هیچ‌کس')], vocabulary)).toBe(' wall هیچ‌کس');
  });

  it('leaves text as the sources wrote it, and offsets point at each token', () => {
    const text = 'and the harbour wall\nکتاب باز است.';
    const decoded = decodeWithOffsets(ids(text), vocabulary);
    expect(decoded.text).toBe(text);
    expect(decoded.starts).toEqual([0, 3, 7, 15, 20, 21, 25, 29, 33, 34]);
    const fresh = Vocabulary.fromBuffer(vocabulary.toBuffer());
    expect(decodeTokens([...ids(' wall'), ...ids('کتاب')], fresh)).toBe(' wall\nکتاب');
  });
});
