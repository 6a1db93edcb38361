import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkSamplingOptions, sampleIndex, topIndices } from './sampleIndex.ts';
import { seededRandom } from './seededRandom.ts';

describe('sampleIndex', () => {
  it('selects the same top k as a full sort, ties to the lower index', () => {
    const weightsArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60, size: 'max' });
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 10 }), (values, k) => {
        const weights = Float64Array.from(values);
        const expected = values
          .map((w, i) => ({ w, i }))
          .filter(({ w }) => w > 0)
          .sort((a, b) => b.w - a.w || a.i - b.i)
          .slice(0, k)
          .map(({ i }) => i)
          .sort((a, b) => a - b);
        expect(Array.from(topIndices(weights, k))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('samples in proportion at temperature 1, only from the top k, and the mode at temperature 0', () => {
    const weights = Float64Array.of(0, 5, 3, 2, 0);
    const random = seededRandom(3);
    const seen = [0, 0, 0, 0, 0];
    for (let i = 0; i < 10_000; i++) seen[sampleIndex(weights, {}, random)]++;
    expect(seen[0] + seen[4]).toBe(0);
    expect(seen[1] / 10_000).toBeCloseTo(0.5, 1);
    expect(seen[3] / 10_000).toBeCloseTo(0.2, 1);
    const top2 = [0, 0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) top2[sampleIndex(weights, { topK: 2, temperature: 2 }, random)]++;
    expect(top2[3]).toBe(0);
    expect(top2[1] > 0 && top2[2] > 0).toBe(true);
    // Temperature 2 flattens 5:3 toward sqrt(5):sqrt(3).
    expect(top2[1] / 2000).toBeCloseTo(Math.sqrt(5) / (Math.sqrt(5) + Math.sqrt(3)), 1);
    expect(sampleIndex(Float64Array.of(1, 4, 4), { temperature: 0 }, random)).toBe(1);
    expect(sampleIndex(new Float64Array(3), {}, random)).toBe(-1);
  });

  it('rejects bad options', () => {
    expect(() => checkSamplingOptions({ temperature: -0.1 })).toThrow(AppError);
    expect(() => checkSamplingOptions({ temperature: Number.POSITIVE_INFINITY })).toThrow(AppError);
    expect(() => checkSamplingOptions({ topK: 1.5 })).toThrow(AppError);
  });
});
