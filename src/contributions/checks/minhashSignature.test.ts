import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateSimilarity } from './estimateSimilarity.ts';
import { minhashSignature } from './minhashSignature.ts';

// With shingleLength 1 a text's shingle set is its set of characters, so sets of CJK ideographs
// (letters, unchanged by case folding, no separators) give texts of exactly known Jaccard.
const toText = (codes: number[]) => codes.map((c) => String.fromCharCode(0x4e00 + c)).join('');

const setPair = fc
  .record({
    universe: fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }),
    shared: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer(),
  })
  .map(({ universe, shared, seed }) => {
    const a: number[] = [];
    const b: number[] = [];
    let both = 0;
    universe.forEach((x, i) => {
      // Cheap per-element coin from the seed; fast-check shrinks universe/shared, not this.
      const u = ((Math.imul(seed ^ i, 0x9e3779b1) >>> 0) % 1000) / 1000;
      if (u < shared) {
        a.push(x);
        b.push(x);
        both++;
      } else if (u < shared + (1 - shared) / 2) a.push(x);
      else b.push(x);
    });
    return { a, b, jaccard: both / universe.length };
  })
  .filter(({ a, b }) => a.length > 0 && b.length > 0);

function estimate(a: number[], b: number[], permutations: number): number {
  const opts = { shingleLength: 1, permutations };
  return estimateSimilarity(minhashSignature(toText(a), opts), minhashSignature(toText(b), opts));
}

describe('minhashSignature + estimateSimilarity', () => {
  it('estimates the exact Jaccard of random sets within 5.5 standard errors (512 permutations)', () => {
    fc.assert(
      fc.property(setPair, ({ a, b, jaccard }) => {
        expect(Math.abs(estimate(a, b, 512) - jaccard)).toBeLessThanOrEqual(0.12);
      }),
      { numRuns: 200 },
    );
  });

  it('is unbiased, and no noisier than independent permutations would be, at the default 128', () => {
    const pairs = fc.sample(setPair, { seed: 20240601, numRuns: 400 });
    let bias = 0;
    let squared = 0;
    let expectedSquared = 0;
    for (const { a, b, jaccard } of pairs) {
      const error = estimate(a, b, 128) - jaccard;
      bias += error;
      squared += error * error;
      expectedSquared += (jaccard * (1 - jaccard)) / 128;
    }
    expect(Math.abs(bias / pairs.length)).toBeLessThan(0.01);
    // Correlated permutations would inflate the spread well past the binomial one.
    expect(Math.sqrt(squared / pairs.length)).toBeLessThan(1.25 * Math.sqrt(expectedSquared / pairs.length));
  });

  it('gives 1 for identical sets and 0 for disjoint ones', () => {
    expect(estimate([1, 2, 3], [3, 2, 1], 128)).toBe(1);
    const low = estimate(
      Array.from({ length: 100 }, (_, i) => i),
      Array.from({ length: 100 }, (_, i) => 1000 + i),
      128,
    );
    expect(low).toBeLessThan(0.05);
  });

  it('ignores case, punctuation, spacing, ZWNJ, Arabic yeh/kaf and short vowels', () => {
    const sig = minhashSignature('می‌روم به کوچه، کنار دریا!');
    expect(estimateSimilarity(sig, minhashSignature('مي روم   به كوچه كنار دَریا'))).toBe(1);
    const en = minhashSignature('The Kettle sang; the house slept.');
    expect(estimateSimilarity(en, minhashSignature('the kettle sang\nthe house slept'))).toBe(1);
  });

  it('keeps its stored format: same values as when signatures were first stored', () => {
    const sig = minhashSignature('The river kept its silver promise.');
    expect(sig).toHaveLength(128);
    expect(Array.from(sig.subarray(0, 4))).toEqual([47989966, 202700576, 144196727, 279154864]);
  });

  it('handles empty, tiny and odd-length cases', () => {
    expect(Array.from(new Set(minhashSignature('')))).toEqual([0xffffffff]);
    expect(minhashSignature('a').every((v) => v !== 0xffffffff)).toBe(true);
    expect(minhashSignature('hello world', { permutations: 7 })).toHaveLength(7);
    expect(minhashSignature('hello world', { permutations: 7 })).toEqual(
      minhashSignature('hello world', { permutations: 8 }).subarray(0, 7),
    );
    expect(() => minhashSignature('x', { permutations: 0 })).toThrow(RangeError);
    expect(() => minhashSignature('x', { shingleLength: 0 })).toThrow(RangeError);
  });

  it('refuses to compare signatures of different lengths', () => {
    expect(() => estimateSimilarity(new Uint32Array(64), new Uint32Array(128))).toThrow(RangeError);
  });
});
