import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  decodeTokens,
  encodeText,
  joinWords,
  segmentWords,
  UNKNOWN_TOKEN,
  Vocabulary,
} from './wordTokenizer.ts';

describe('segmentWords', () => {
  it('splits English into words and punctuation, gluing single spaces to the next word', () => {
    expect(segmentWords("Hello, world!  It's 3.14.\nBye")).toEqual([
      'Hello',
      ',',
      ' world',
      '!',
      '  ',
      "It's",
      ' 3.14',
      '.',
      '\n',
      'Bye',
    ]);
  });

  it('splits Persian on spaces and Persian punctuation, keeping ZWNJ words whole', () => {
    expect(segmentWords('می‌خواهم ببینم، آیا باران می‌بارد؟\nبله')).toEqual([
      'می‌خواهم',
      ' ببینم',
      '،',
      ' آیا',
      ' باران',
      ' می‌بارد',
      '؟',
      '\n',
      'بله',
    ]);
  });

  it('keeps spaces before newlines and at the end as their own tokens', () => {
    expect(segmentWords('a \nb ')).toEqual(['a', ' ', '\n', 'b', ' ']);
    expect(segmentWords('')).toEqual([]);
  });

  it('detokenises faithfully (to the NFC form) for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const tokens = segmentWords(text);
        expect(joinWords(tokens)).toBe(text.normalize('NFC'));
        expect(tokens.every((t) => t.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('کتاب', ' ', '\n', '،', 'word', '  ', '.', '\t', 'é'), { maxLength: 30 }),
        (parts) => {
          const text = parts.join('');
          expect(joinWords(segmentWords(text))).toBe(text.normalize('NFC'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('normalises canonically equal spellings to the same tokens', () => {
    expect(segmentWords('cafe\u0301')).toEqual(segmentWords('caf\u00e9'));
  });
});

describe('Vocabulary', () => {
  it('assigns ids from 1 and maps them back', () => {
    const vocabulary = new Vocabulary();
    const ids = encodeText('the cat and the hat', vocabulary, { grow: true });
    expect(Array.from(ids)).toEqual([1, 2, 3, 4, 5]);
    expect(vocabulary.size).toBe(5);
    expect(decodeTokens(ids, vocabulary)).toBe('the cat and the hat');
    expect(vocabulary.idOf(' the')).toBe(4);
    expect(vocabulary.tokenOf(1)).toBe('the');
  });

  it('maps unknown tokens to UNKNOWN_TOKEN without growing', () => {
    const vocabulary = Vocabulary.fromTokens(['hello']);
    expect(Array.from(encodeText('hello world', vocabulary))).toEqual([1, UNKNOWN_TOKEN]);
    expect(vocabulary.size).toBe(1);
  });

  it('round-trips through a buffer', () => {
    const vocabulary = new Vocabulary();
    encodeText('سلام دنیا!\nHello "world"', vocabulary, { grow: true });
    const loaded = Vocabulary.fromBuffer(vocabulary.toBuffer());
    expect(loaded.list()).toEqual(vocabulary.list());
    expect(loaded.idOf(' دنیا')).toBe(vocabulary.idOf(' دنیا'));
  });

  it('rejects bad ids, duplicates and foreign buffers', () => {
    const vocabulary = Vocabulary.fromTokens(['a']);
    expect(() => vocabulary.tokenOf(0)).toThrow(AppError);
    expect(() => vocabulary.tokenOf(2)).toThrow(AppError);
    expect(() => Vocabulary.fromTokens(['a', 'a'])).toThrow(AppError);
    expect(() => Vocabulary.fromBuffer(Buffer.from('{"tokens":["a"]}'))).toThrow(AppError);
    expect(() => Vocabulary.fromBuffer(Buffer.from('not json'))).toThrow(AppError);
  });
});
