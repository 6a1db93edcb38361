import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteCount, bruteNextTokens, type Docs } from '../../test/support/attribution/bruteForce.ts';
import { scoreInfiniGram } from '../../test/support/attribution/scoreInfiniGram.ts';
import { AppError } from '../errors.ts';
import { buildCorpusIndex } from './buildCorpusIndex.ts';
import { InfiniGram } from './infiniGram.ts';

const docsArb = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 30, size: 'max' }), {
  minLength: 1,
  maxLength: 5,
});
const contextArb = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 8, size: 'max' });
const modelOf = (docs: Docs) =>
  new InfiniGram(
    buildCorpusIndex(
      docs.map((tokens, d) => ({ contributionId: `d${d}`, tokens })),
      { tokenLimit: 6 },
    ),
  );

describe('InfiniGram', () => {
  it('gives the brute-force next-token distribution of the longest suffix, END included', () => {
    fc.assert(
      fc.property(docsArb, contextArb, (docs, context) => {
        const model = modelOf(docs);
        const expected = bruteNextTokens(docs, context, model.index.endToken);
        const got = model.nextTokenDistribution(context);
        expect(got.suffixLength).toBe(expected.suffixLength);
        expect(new Map(Array.from(got.tokens, (t, i) => [t, got.counts[i]]))).toEqual(expected.counts);
        const total = [...expected.counts.values()].reduce((a, b) => a + b, 0);
        expect(got.total).toBe(total);
        for (let token = 1; token <= 6; token++) {
          expect(model.probability(context, token)).toBeCloseTo(
            total ? (expected.counts.get(token) ?? 0) / total : 0,
            12,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('scores sequences with the smoothed ∞-gram exactly as defined', () => {
    fc.assert(
      fc.property(
        docsArb,
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        (docs, tokens) => {
          const index = modelOf(docs).index;
          const epsilon = 0.05;
          const score = scoreInfiniGram(index, tokens, { vocabularySize: 5, epsilon, from: 1 });
          const n = docs.reduce((a, d) => a + d.length, 0);
          let sum = 0;
          for (let j = 1; j < tokens.length; j++) {
            const { suffixLength, counts } = bruteNextTokens(docs, tokens.slice(0, j), 6);
            const total = [...counts.values()].reduce((a, b) => a + b, 0);
            const unigram = (bruteCount(docs, [tokens[j]]) + 1) / (n + 5);
            const p = total
              ? (1 - epsilon) * ((counts.get(tokens[j]) ?? 0) / total) + epsilon * unigram
              : unigram;
            expect(score.logProbabilities[j - 1]).toBeCloseTo(Math.log(p), 10);
            expect(score.suffixLengths[j - 1]).toBe(suffixLength);
            sum += Math.log(p);
          }
          expect(score.logLikelihood).toBeCloseTo(sum, 9);
          expect(Number.isFinite(score.logLikelihood)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('generates only tokens the ∞-gram allows, reproducibly from a seed', async () => {
    const docs = [
      [1, 2, 3, 4, 1, 2, 5],
      [2, 3, 1, 1, 4, 2, 3, 5, 5],
      [4, 4, 2, 1],
    ];
    const model = modelOf(docs);
    for (const options of [{}, { temperature: 0.7 }, { topK: 2 }, { temperature: 1.5, topK: 3 }]) {
      const a = await model.generate([1, 2], { maxTokens: 200, seed: 11, ...options });
      const b = await model.generate([1, 2], { maxTokens: 200, seed: 11, ...options });
      expect(Array.from(a.tokens)).toEqual(Array.from(b.tokens));
      // Every document ends, and the match only grows, so a walk ends where a document does.
      expect(a.stopReason).toBe('end_of_document');
      expect(a.tokens.length).toBeLessThan(10);
      const sequence = [1, 2, ...a.tokens];
      expect(model.probability(sequence, model.index.endToken)).toBeGreaterThan(0);
      expect(a.states).toHaveLength(a.tokens.length + 1);
      for (let j = 2; j < sequence.length; j++) {
        const context = sequence.slice(0, j);
        expect(model.probability(context, sequence[j])).toBeGreaterThan(0);
        expect(a.suffixLengths[j - 2]).toBe(model.nextTokenDistribution(context).suffixLength);
      }
    }
    // [1, 2] continues with 3 or 5, so some seeds must disagree.
    const outputs = new Set<string>();
    for (let seed = 0; seed < 20; seed++)
      outputs.add((await model.generate([1, 2], { maxTokens: 5, seed })).tokens.join());
    expect(outputs.size).toBeGreaterThan(1);
  });

  it('samples P∞ at temperature 1, and the mode at temperature 0 or top-1', async () => {
    // After token 9 the corpus continues with 1 (6 times), 2 (3 times) or 3 (once).
    const docs = [
      [9, 1],
      [9, 1],
      [9, 1],
      [9, 1],
      [9, 1],
      [9, 1],
      [9, 2],
      [9, 2],
      [9, 2],
      [9, 3],
    ];
    const model = new InfiniGram(buildCorpusIndex(docs.map((tokens) => ({ contributionId: 'x', tokens }))));
    const seen = new Map<number, number>();
    for (let seed = 0; seed < 3000; seed++) {
      const { tokens } = await model.generate([9], { maxTokens: 1, seed });
      seen.set(tokens[0], (seen.get(tokens[0]) ?? 0) + 1);
    }
    expect((seen.get(1) ?? 0) / 3000).toBeCloseTo(0.6, 1);
    expect((seen.get(2) ?? 0) / 3000).toBeCloseTo(0.3, 1);
    expect((seen.get(3) ?? 0) / 3000).toBeCloseTo(0.1, 1);
    for (const options of [{ temperature: 0 }, { topK: 1 }]) {
      const { tokens } = await model.generate([9], { maxTokens: 1, seed: 5, ...options });
      expect(tokens[0]).toBe(1);
    }
    // A low temperature sharpens toward the mode.
    let modeCount = 0;
    for (let seed = 0; seed < 500; seed++) {
      const { tokens } = await model.generate([9], { maxTokens: 1, seed, temperature: 0.3 });
      if (tokens[0] === 1) modeCount++;
    }
    expect(modeCount / 500).toBeGreaterThan(0.85);
  });

  it('stops at stop tokens and reports no continuation on an empty corpus', async () => {
    const model = modelOf([[1, 2, 3, 4, 5]]);
    const result = await model.generate([1], { maxTokens: 10, stopTokens: [4] });
    expect(Array.from(result.tokens)).toEqual([2, 3]);
    expect(result.stopReason).toBe('stop_token');
    const empty = new InfiniGram(buildCorpusIndex([]));
    expect((await empty.generate([], { maxTokens: 3 })).stopReason).toBe('no_continuation');
    await expect(model.generate([1], { maxTokens: -1 })).rejects.toThrow(AppError);
    await expect(model.generate([1], { maxTokens: 1, temperature: -1 })).rejects.toThrow(AppError);
  });

  it('interpolates an external distribution with lambda', async () => {
    // The ∞-gram always says 2 after 1; the external model always says 3.
    const model = modelOf([[1, 2, 1, 2, 1, 2, 3]]);
    const external = (lambda: number) => ({
      lambda,
      distribution: async () => Float32Array.of(0, 0, 0, 1, 0, 0),
    });
    const all = await model.generate([1], { maxTokens: 1, external: external(1) });
    expect(all.tokens[0]).toBe(3);
    const none = await model.generate([1], { maxTokens: 1, external: external(0) });
    expect(none.tokens[0]).toBe(2);
    let threes = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const { tokens } = await model.generate([1], { maxTokens: 1, seed, external: external(0.25) });
      if (tokens[0] === 3) threes++;
    }
    expect(threes / 2000).toBeCloseTo(0.25, 1);
    await expect(model.generate([1], { maxTokens: 1, external: external(2) })).rejects.toThrow(AppError);
    const bad = { lambda: 0.5, distribution: () => Float32Array.of(0, -1) };
    await expect(model.generate([1], { maxTokens: 1, external: bad })).rejects.toThrow(AppError);
  });

  it('stops where a document ends, and refuses to walk from a context it never saw', async () => {
    const model = modelOf([
      [1, 2, 3],
      [2, 4, 4, 4],
    ]);
    const ended = await model.generate([1], { maxTokens: 10 });
    expect(Array.from(ended.tokens)).toEqual([2, 3]);
    expect(ended.stopReason).toBe('end_of_document');
    expect(model.probability([1, 2, 3], model.index.endToken)).toBe(1);
    // Token 5 occurs nowhere: without minContext the unigram walk starts, with it nothing does.
    const walk = await model.generate([5], { maxTokens: 10, seed: 2 });
    expect(walk.tokens.length).toBeGreaterThan(0);
    const none = await model.generate([5], { maxTokens: 10, minContext: 1 });
    expect(none.stopReason).toBe('no_context');
    expect(none.tokens).toHaveLength(0);
    expect(none.states).toEqual([{ suffixLength: 0, lo: 0, hi: model.index.tokenCount }]);
  });
});
