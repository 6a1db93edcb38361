import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteSuffixArray } from '../../test/support/attribution/bruteForce.ts';
import { AppError } from '../errors.ts';
import { buildSuffixArray } from './buildSuffixArray.ts';
import { seededRandom } from './seededRandom.ts';

const sortedBy = (symbols: number[], alphabetSize: number) =>
  Array.from(buildSuffixArray(Int32Array.from(symbols), alphabetSize));

describe('buildSuffixArray', () => {
  it('sorts the suffixes of random texts like a brute-force sort', () => {
    const text = fc.integer({ min: 1, max: 40 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        symbols: fc.array(fc.integer({ min: 0, max: k - 1 }), { maxLength: 300, size: 'max' }),
      }),
    );
    fc.assert(
      fc.property(text, ({ k, symbols }) => {
        expect(sortedBy(symbols, k)).toEqual(bruteSuffixArray(symbols));
      }),
      { numRuns: 3000 },
    );
  });

  it('handles binary and one-symbol alphabets', () => {
    const text = fc.record({
      k: fc.constantFrom(1, 2),
      symbols: fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 200, size: 'max' }),
    });
    fc.assert(
      fc.property(text, ({ k, symbols }) => {
        const clipped = symbols.map((s) => s % k);
        expect(sortedBy(clipped, k)).toEqual(bruteSuffixArray(clipped));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles long repeats of short patterns, which force deep recursion', () => {
    const text = fc.record({
      unit: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
      times: fc.integer({ min: 1, max: 120 }),
      tail: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(text, ({ unit, times, tail }) => {
        const symbols = [...Array.from({ length: times }, () => unit).flat(), ...tail];
        expect(sortedBy(symbols, 4)).toEqual(bruteSuffixArray(symbols));
      }),
      { numRuns: 1500 },
    );
  });

  it('sorts a long single-symbol run and a long period-2 text', () => {
    const n = 50_000;
    const run = buildSuffixArray(new Int32Array(n), 1);
    expect(run[0]).toBe(n - 1);
    expect(run[n - 1]).toBe(0);
    expect(run.every((p, i) => p === n - 1 - i)).toBe(true);
    const alternating = Int32Array.from({ length: 2001 }, (_, i) => i % 2);
    expect(Array.from(buildSuffixArray(alternating, 2))).toEqual(bruteSuffixArray(alternating));
  });

  it('handles lengths 0 and 1 and Uint32 input', () => {
    expect(Array.from(buildSuffixArray(new Int32Array(0), 1))).toEqual([]);
    expect(Array.from(buildSuffixArray(Int32Array.of(5), 6))).toEqual([0]);
    expect(Array.from(buildSuffixArray(Uint32Array.of(3, 1, 2, 1, 3), 4))).toEqual(
      bruteSuffixArray([3, 1, 2, 1, 3]),
    );
  });

  it('sorts a larger random text whose result is a permutation in suffix order', () => {
    const random = seededRandom(7);
    const text = Int32Array.from({ length: 200_000 }, () => Math.floor(random() * 5));
    const sa = buildSuffixArray(text, 5);
    const seen = new Uint8Array(text.length);
    for (const p of sa) seen[p]++;
    expect(seen.every((x) => x === 1)).toBe(true);
    let misordered = 0;
    for (let i = 1; i < sa.length; i++) {
      let a = sa[i - 1];
      let b = sa[i];
      while (b < text.length && text[a] === text[b]) {
        a++;
        b++;
      }
      if (!(b < text.length && (a === text.length || text[a] < text[b]))) misordered++;
    }
    expect(misordered).toBe(0);
  });

  it('sorts large-alphabet texts with copied passages (the prefix-doubling path) like brute force', () => {
    // Mostly unique words with repeated passages: SA-IS names most LMS substrings uniquely and
    // sorts the reduced string by prefix doubling, whose tied groups come from the copies.
    const text = fc.record({
      k: fc.integer({ min: 2, max: 70_000 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      length: fc.integer({ min: 1, max: 2500 }),
      copies: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(text, ({ k, seed, length, copies }) => {
        const random = seededRandom(seed);
        const symbols = Array.from({ length }, () => Math.floor(random() * k));
        for (let c = 0; c < copies; c++) {
          const from = Math.floor(random() * length);
          const to = Math.floor(random() * length);
          const span = Math.floor(random() * 200);
          for (let d = 0; d < span && from + d < length && to + d < length; d++)
            symbols[to + d] = symbols[from + d];
        }
        expect(sortedBy(symbols, k)).toEqual(bruteSuffixArray(symbols));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves the caller's text as it was, including a view into a larger buffer", () => {
    const random = seededRandom(11);
    const whole = Int32Array.from({ length: 5000 }, () => Math.floor(random() * 65536));
    const before = whole.slice();
    const view = whole.subarray(1000, 4000);
    expect(Array.from(buildSuffixArray(view, 65536))).toEqual(bruteSuffixArray(Array.from(view)));
    expect(whole).toEqual(before);
    const unsigned = Uint32Array.from(before.subarray(0, 3000));
    buildSuffixArray(unsigned, 65536);
    expect(Array.from(unsigned)).toEqual(Array.from(before.subarray(0, 3000)));
  });

  it('matches brute force across alphabets 1..70000, runs, periods and document separators', () => {
    // Lengths reach past several 256-entry read-ahead blocks, so entries a pass writes into the
    // block it is reading are covered; the shapes force recursion, prefix doubling, or neither.
    const text = fc.record({
      k: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 70_000 })),
      shape: fc.constantFrom('random', 'run', 'periodic', 'documents'),
      length: fc.integer({ min: 0, max: 1200 }),
      period: fc.integer({ min: 1, max: 9 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(text, ({ k, shape, length, period, seed }) => {
        const random = seededRandom(seed);
        const draw = (bound: number) => Math.floor(random() * bound);
        let symbols: number[];
        let alphabet = k;
        if (shape === 'run') {
          symbols = new Array(length).fill(draw(k));
        } else if (shape === 'periodic') {
          const unit = Array.from({ length: period }, () => draw(k));
          symbols = Array.from({ length }, (_, i) => unit[i % period] ?? 0);
        } else if (shape === 'documents') {
          // buildCorpusIndex's convention: each document ends with its own separator, tokenLimit + d.
          symbols = [];
          let d = 0;
          while (symbols.length < length) {
            const size = draw(40);
            for (let i = 0; i < size; i++) symbols.push(draw(k));
            symbols.push(k + d++);
          }
          alphabet = k + d;
        } else {
          symbols = Array.from({ length }, () => draw(k));
        }
        expect(sortedBy(symbols, alphabet)).toEqual(bruteSuffixArray(symbols));
      }),
      { numRuns: 400 },
    );
  });

  it('rejects symbols outside the alphabet', () => {
    expect(() => buildSuffixArray(Int32Array.of(0, 3), 3)).toThrow(AppError);
    expect(() => buildSuffixArray(Int32Array.of(-1), 3)).toThrow(AppError);
    expect(() => buildSuffixArray(Uint32Array.of(0x80000000), 0x7fffffff)).toThrow(AppError);
    expect(() => buildSuffixArray(Int32Array.of(0), 0)).toThrow(AppError);
  });
});
