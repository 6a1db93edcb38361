import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { seededRandom } from './seededRandom.ts';

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, and stays in [0, 1) roughly uniformly', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 20_000 }, () => a());
    expect(Array.from({ length: 20_000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(seededRandom(42)());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const buckets = new Array(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    for (const n of buckets) expect(Math.abs(n - 2000)).toBeLessThan(200);
    expect(() => seededRandom(1.5)).toThrow(AppError);
  });
});
