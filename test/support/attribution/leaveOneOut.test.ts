import { describe, expect, it } from 'vitest';
import { attributeAnswer } from '../../../src/attribution/attributeAnswer.ts';
import { InfiniGram } from '../../../src/attribution/infiniGram.ts';
import { encodeText } from '../../../src/attribution/wordTokenizer.ts';
import { AppError } from '../../../src/errors.ts';
import { buildFixtureCorpus, fixtureContributions, fixtureMosaics } from './attributionFixture.ts';
import { leaveOneOut, spearman } from './leaveOneOut.ts';
import { averageRanks } from './spearman.ts';

describe('spearman', () => {
  it('is 1 for any increasing relation and -1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 300, 4000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('averages the ranks of ties', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    // Pearson on ranks [1, 2.5, 2.5, 4] vs [1, 2, 3, 4]: 4.5 / sqrt(4.5 * 5).
    expect(spearman([10, 20, 20, 30], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
    expect(spearman([1, 1, 2, 2], [5, 6, 7, 8])).toBeCloseTo(4 / Math.sqrt(4 * 5), 12);
  });

  it('is NaN when undefined and rejects mismatched input', () => {
    expect(spearman([1], [2])).toBeNaN();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(AppError);
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow(AppError);
  });
});

describe('leaveOneOut', () => {
  const { vocabulary, index } = buildFixtureCorpus();

  it('subtracting counts scores exactly like rebuilding the index without the contribution', () => {
    const answer = encodeText(fixtureMosaics[2].text, vocabulary);
    const weights = fixtureContributions.map((c, i) => ({ contributionId: c.contributionId, weight: i }));
    const subtracted = leaveOneOut(index, answer, weights, { prompt: answer.subarray(0, 2) });
    const rebuilt = leaveOneOut(index, answer, weights, { prompt: answer.subarray(0, 2), method: 'rebuild' });
    expect(subtracted.logLikelihood).toBe(rebuilt.logLikelihood);
    expect(subtracted.entries.map((e) => e.logLikelihood)).toEqual(
      rebuilt.entries.map((e) => e.logLikelihood),
    );
    expect(subtracted.entries.every((e) => Number.isFinite(e.logLikelihood))).toBe(true);
  });

  it('agrees with the attribution weights on every fixture mosaic (Spearman >= 0.9)', () => {
    for (const mosaic of fixtureMosaics) {
      const answer = encodeText(mosaic.text, vocabulary);
      const attribution = attributeAnswer(index, answer);
      const report = leaveOneOut(index, answer, attribution.contributions);
      expect(report.entries.length).toBeGreaterThanOrEqual(4);
      expect(report.spearman).toBeGreaterThanOrEqual(0.9);
      for (const source of mosaic.sources) {
        expect(report.entries.find((e) => e.contributionId === source)!.drop).toBeGreaterThan(1);
      }
    }
  });

  it('finds almost no drop for a contribution the answer never used', async () => {
    const model = new InfiniGram(index);
    const prompt = encodeText('The keeper climbs', vocabulary);
    const { tokens } = await model.generate(prompt, { maxTokens: 12, temperature: 0 });
    const report = leaveOneOut(index, tokens, [{ contributionId: 'baran', weight: 0 }], { prompt });
    // Only the smoothing's corpus size moves, by a hair.
    expect(Math.abs(report.entries[0].drop)).toBeLessThan(1e-3);
    expect(() => leaveOneOut(index, tokens, [{ contributionId: 'nobody', weight: 1 }])).toThrow(AppError);
  });
});
