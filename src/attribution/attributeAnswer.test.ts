import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFixtureCorpus, fixtureMosaics } from '../../test/support/attribution/attributionFixture.ts';
import { bruteLongestSuffix, bruteOccurrences } from '../../test/support/attribution/bruteForce.ts';
import { AppError } from '../errors.ts';
import { attributeAnswer } from './attributeAnswer.ts';
import { buildCorpusIndex } from './buildCorpusIndex.ts';
import { InfiniGram } from './infiniGram.ts';
import { encodeText } from './wordTokenizer.ts';

describe('attributeAnswer', () => {
  it('finds the longest span ending at each token and credits what it followed like a brute-force scan', () => {
    const docsArb = fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 30, size: 'max' }), {
      minLength: 1,
      maxLength: 5,
    });
    const answerArb = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 25, size: 'max' });
    fc.assert(
      fc.property(docsArb, answerArb, fc.integer({ min: 1, max: 4 }), (docs, answer, minSpan) => {
        const index = buildCorpusIndex(
          docs.map((tokens, d) => ({ contributionId: `c${d % 3}`, tokens })),
          { tokenLimit: 5 },
        );
        const result = attributeAnswer(index, answer, { minSpan, creditUnits: 1000 });
        const expected = new Map<string, number>();
        let credited = 0;
        for (let j = 0; j < answer.length; j++) {
          const length = bruteLongestSuffix(docs, answer, j + 1);
          expect(result.spanLengths[j]).toBe(length);
          if (length < minSpan) continue;
          credited++;
          // The unit goes to the occurrences the rest of the answer kept following.
          let end = j + 1;
          let occurrences = bruteOccurrences(docs, answer.slice(j + 1 - length, end));
          while (occurrences.length > 1 && end < answer.length) {
            const longer = bruteOccurrences(docs, answer.slice(j + 1 - length, end + 1));
            if (longer.length === 0) break;
            occurrences = longer;
            end++;
          }
          for (const { doc } of occurrences) {
            const id = `c${doc % 3}`;
            expected.set(id, (expected.get(id) ?? 0) + 1 / occurrences.length);
          }
        }
        expect(result.creditedTokens).toBe(credited);
        expect(result.contributions.map((c) => c.contributionId).sort()).toEqual([...expected.keys()].sort());
        for (const c of result.contributions) {
          expect(c.tokens).toBeCloseTo(expected.get(c.contributionId)!, 9);
          expect(c.weight).toBeCloseTo(expected.get(c.contributionId)! / credited, 9);
          // Units are the exact shares rounded one way or the other.
          expect(Math.abs(c.creditUnits - c.weight * 1000)).toBeLessThan(1);
        }
        const units = result.contributions.reduce((a, c) => a + c.creditUnits, 0);
        expect(units).toBe(credited > 0 ? 1000 : 0);
        expect(result.creditUnitsTotal).toBe(units);
        for (const span of result.spans) {
          expect(span.length).toBeGreaterThanOrEqual(minSpan);
          expect(span.end - span.start).toBe(span.length);
          expect(result.spanLengths[span.end - 1]).toBe(span.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('counts spans from the prompt exactly as if the prompt were part of the answer', () => {
    const tokensArb = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(tokensArb, { minLength: 1, maxLength: 4 }),
        tokensArb,
        tokensArb,
        (docs, prompt, answer) => {
          const index = buildCorpusIndex(
            docs.map((tokens, d) => ({ contributionId: `c${d}`, tokens })),
            { tokenLimit: 4 },
          );
          const whole = attributeAnswer(index, [...prompt, ...answer], { minSpan: 2 });
          const result = attributeAnswer(index, answer, { minSpan: 2, prompt });
          expect(Array.from(result.spanLengths)).toEqual(
            Array.from(whole.spanLengths.subarray(prompt.length)),
          );
          const credited = Array.from(result.spanLengths).filter((l) => l >= 2).length;
          expect(result.creditedTokens).toBe(credited);
          expect(result.shortSpanTokens + result.unmatchedTokens + credited).toBe(answer.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the poems an answer was stitched from, longest piece first', () => {
    const { vocabulary, index } = buildFixtureCorpus();
    for (const mosaic of fixtureMosaics) {
      const result = attributeAnswer(index, encodeText(mosaic.text, vocabulary));
      expect(result.contributions.slice(0, 4).map((c) => c.contributionId)).toEqual(mosaic.sources);
      expect(result.spans.map((s) => s.contributions[0].contributionId)).toEqual(mosaic.sources);
      const weights = result.contributions.reduce((a, c) => a + c.weight, 0);
      expect(weights).toBeCloseTo(1, 12);
      expect(result.contributions.reduce((a, c) => a + c.creditUnits, 0)).toBe(1_000_000);
    }
  });

  it('splits credit evenly between two contributions that hold the same lines', () => {
    const { vocabulary, index } = buildFixtureCorpus();
    const answer = encodeText('The river keeps a ledger of the rain,\nit counts each drop', vocabulary);
    const result = attributeAnswer(index, answer);
    expect(result.contributions.map((c) => c.contributionId)).toEqual(['river-anthology', 'river-ledger']);
    expect(result.contributions.map((c) => c.creditUnits)).toEqual([500_000, 500_000]);
    expect(result.spans).toHaveLength(1);
    expect(result.spans[0].contributions).toEqual([
      { contributionId: 'river-anthology', occurrences: 1 },
      { contributionId: 'river-ledger', occurrences: 1 },
    ]);
  });

  it('credits nothing when no span is long enough', () => {
    const { vocabulary, index } = buildFixtureCorpus();
    const result = attributeAnswer(index, encodeText('The river keeps', vocabulary), { minSpan: 10 });
    expect(result.creditedTokens).toBe(0);
    expect(result.contributions).toEqual([]);
    expect(result.creditUnitsTotal).toBe(0);
    expect(() => attributeAnswer(index, [1], { minSpan: 0 })).toThrow(AppError);
    expect(() => attributeAnswer(index, [1], { creditUnits: 0.5 })).toThrow(AppError);
  });

  it('counts spans from the prompt, so the first answer tokens are credited too', () => {
    const { vocabulary, index } = buildFixtureCorpus();
    const prompt = encodeText('The keeper climbs two hundred spiral', vocabulary);
    const answer = encodeText(' stairs\nto', vocabulary);
    const alone = attributeAnswer(index, answer);
    expect(alone.creditedTokens).toBe(0);
    expect(alone.shortSpanTokens).toBe(3);
    const fromPrompt = attributeAnswer(index, answer, { prompt });
    expect(fromPrompt.creditedTokens).toBe(3);
    expect(fromPrompt.spanLengths[0]).toBe(prompt.length + 1);
    expect(fromPrompt.spans).toEqual([
      {
        start: 0,
        end: 3,
        length: 3,
        promptTokens: prompt.length,
        contributions: [{ contributionId: 'lighthouse-keeper', occurrences: 1 }],
      },
    ]);
  });

  it('credits a shared line to the text the answer went on with, or ended with', () => {
    const { vocabulary, index } = buildFixtureCorpus();
    const shared = 'The river keeps a ledger of the rain,\nit counts each drop and pays it to the sea.\n';
    for (const [next, poem] of [
      ['The stones', 'river-ledger'],
      ['I keep them', 'river-anthology'],
    ]) {
      const result = attributeAnswer(index, encodeText(shared + next, vocabulary));
      expect(result.contributions.map((c) => c.contributionId)).toEqual([poem]);
    }
    // Ending where the anthology ends (and the ledger goes on) follows the anthology.
    const tail = encodeText('I keep them here so I can read them twice.\n', vocabulary);
    expect(attributeAnswer(index, tail, { endsDocument: true }).contributions[0].contributionId).toBe(
      'river-anthology',
    );
  });

  it('pays by the states generation sampled from when no token is credited, not by size', async () => {
    const { vocabulary, index } = buildFixtureCorpus();
    const prompt = encodeText('Dear friend', vocabulary);
    const generated = await new InfiniGram(index).generate(prompt, { maxTokens: 3, seed: 1 });
    const result = attributeAnswer(index, generated.tokens, {
      prompt,
      minSpan: 50,
      evidence: generated.states,
    });
    expect(result.creditedTokens).toBe(0);
    expect(result.basis).toBe('evidence');
    // ' friend' opens only the winter letter, and the sampling never left it.
    expect(result.contributions.map((c) => c.contributionId)).toEqual(['winter-letter']);
    expect(result.contributions[0].creditUnits).toBe(1_000_000);
    expect(attributeAnswer(index, generated.tokens, { minSpan: 50 }).basis).toBe('none');
  });
});
