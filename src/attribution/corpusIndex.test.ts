import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bruteContinuationCount,
  bruteCount,
  bruteLongestSuffix,
  bruteOccurrences,
  type Docs,
} from '../../test/support/attribution/bruteForce.ts';
import { AppError } from '../errors.ts';
import { buildCorpusIndex } from './buildCorpusIndex.ts';
import type { CorpusIndex } from './corpusIndex.ts';
import { loadCorpusIndex } from './loadCorpusIndex.ts';
import { serializeCorpusIndex } from './serializeCorpusIndex.ts';

const ALPHABET = 4;
const docsArb = fc.array(fc.array(fc.integer({ min: 1, max: ALPHABET }), { maxLength: 40, size: 'max' }), {
  minLength: 1,
  maxLength: 6,
});
const patternArb = fc.array(fc.integer({ min: 1, max: ALPHABET + 1 }), { maxLength: 6, size: 'max' });

// Two documents may share a contribution id, so ids are drawn from fewer names than documents.
const build = (docs: Docs) =>
  buildCorpusIndex(
    docs.map((tokens, d) => ({ contributionId: `c${d % 4}`, tokens })),
    { tokenLimit: ALPHABET + 2 },
  );

describe('CorpusIndex', () => {
  it('counts n-grams and their continuations like a brute-force scan', () => {
    fc.assert(
      fc.property(docsArb, fc.array(patternArb, { minLength: 1, maxLength: 8 }), (docs, patterns) => {
        const index = build(docs);
        for (const pattern of patterns) {
          expect(index.count(pattern)).toBe(bruteCount(docs, pattern));
          expect(index.continuationCount(pattern)).toBe(bruteContinuationCount(docs, pattern));
        }
        expect(index.count([])).toBe(docs.reduce((n, d) => n + d.length, 0));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the longest suffix match and its range like a brute-force scan', () => {
    fc.assert(
      fc.property(docsArb, patternArb, (docs, context) => {
        const index = build(docs);
        const match = index.longestSuffixMatch(context);
        expect(match.length).toBe(bruteLongestSuffix(docs, context, context.length));
        const suffix = context.slice(context.length - match.length);
        expect(match.hi - match.lo).toBe(bruteCount(docs, suffix));
        const found = index.find(suffix);
        if (match.length > 0) expect(found).toEqual({ lo: match.lo, hi: match.hi });
        const withNext = index.longestSuffixMatch(context, { withContinuation: true });
        const nextSuffix = context.slice(context.length - withNext.length);
        expect(withNext.hi - withNext.lo).toBe(bruteContinuationCount(docs, nextSuffix));
        if (withNext.length < context.length) {
          expect(bruteContinuationCount(docs, context.slice(context.length - withNext.length - 1))).toBe(0);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('names the contributions of every occurrence in a range', () => {
    fc.assert(
      fc.property(docsArb, patternArb, (docs, pattern) => {
        const index = build(docs);
        const range = index.find(pattern);
        const expected = new Map<string, number>();
        for (const { doc } of bruteOccurrences(docs, pattern)) {
          const id = `c${doc % 4}`;
          expected.set(id, (expected.get(id) ?? 0) + 1);
        }
        const got = range ? index.contributionsInRange(range.lo, range.hi) : [];
        expect(new Map(got.map((c) => [c.contributionId, c.occurrences]))).toEqual(expected);
        for (let i = 1; i < got.length; i++)
          expect(got[i - 1].occurrences).toBeGreaterThanOrEqual(got[i].occurrences);
      }),
      { numRuns: 300 },
    );
  });

  it('never matches across documents or on separator ids', () => {
    const index = buildCorpusIndex(
      [
        { contributionId: 'a', tokens: [1, 2] },
        { contributionId: 'b', tokens: [3, 1] },
      ],
      { tokenLimit: 4 },
    );
    expect(index.count([2, 3])).toBe(0);
    expect(index.count([1])).toBe(2);
    expect(index.continuationCount([1])).toBe(1);
    // tokenLimit + 0 is document 0's separator in `text`, yet as a query token it matches nothing.
    expect(index.count([2, 4])).toBe(0);
    expect(index.count([4])).toBe(0);
    expect(index.count([0])).toBe(0);
    expect(index.longestSuffixMatch([2, 3, 1]).length).toBe(2);
    expect(index.contributionIds).toEqual(['a', 'b']);
  });

  it('round-trips through a buffer, aligned or not', () => {
    const docs = [
      [1, 2, 3, 1, 2],
      [2, 3, 3],
      [4, 1, 2, 3],
    ];
    const index = buildCorpusIndex(docs.map((tokens, d) => ({ contributionId: `سهم-${d}`, tokens })));
    const buffer = serializeCorpusIndex(index);
    const same = (loaded: CorpusIndex) => {
      expect(Array.from(loaded.text)).toEqual(Array.from(index.text));
      expect(Array.from(loaded.suffixArray)).toEqual(Array.from(index.suffixArray));
      expect(Array.from(loaded.documentStarts)).toEqual(Array.from(index.documentStarts));
      expect(Array.from(loaded.documentContributions)).toEqual(Array.from(index.documentContributions));
      expect(loaded.contributionIds).toEqual(index.contributionIds);
      expect(loaded.tokenLimit).toBe(index.tokenLimit);
      expect(loaded.count([1, 2])).toBe(3);
      expect(loaded.contributionsInRange(0, loaded.tokenCount).length).toBe(3);
    };
    same(loadCorpusIndex(buffer));
    const shifted = Buffer.alloc(buffer.length + 1);
    buffer.copy(shifted, 1);
    same(loadCorpusIndex(shifted.subarray(1)));
    // A view, not a copy, when aligned.
    expect(loadCorpusIndex(buffer).suffixArray.buffer).toBe(buffer.buffer);
  });

  it('rejects corrupt buffers and bad documents', () => {
    const buffer = serializeCorpusIndex(buildCorpusIndex([{ contributionId: 'a', tokens: [1, 2] }]));
    expect(() => loadCorpusIndex(buffer.subarray(0, buffer.length - 1))).toThrow(AppError);
    expect(() => loadCorpusIndex(Buffer.from('nonsense, not an index at all, longer than a header'))).toThrow(
      AppError,
    );
    expect(() => buildCorpusIndex([{ contributionId: 'a', tokens: [1, 0] }])).toThrow(AppError);
    expect(() => buildCorpusIndex([{ contributionId: '', tokens: [1] }])).toThrow(AppError);
    expect(() => buildCorpusIndex([{ contributionId: 'a', tokens: [5] }], { tokenLimit: 5 })).toThrow(
      AppError,
    );
  });

  it('handles an empty corpus', () => {
    const index = buildCorpusIndex([]);
    expect(index.count([1])).toBe(0);
    expect(index.longestSuffixMatch([1, 2])).toEqual({ length: 0, lo: 0, hi: 0 });
    expect(loadCorpusIndex(serializeCorpusIndex(index)).tokenCount).toBe(0);
  });
});
