import { describe, expect, it } from 'vitest';
import { COMBINED_UNITS, combineAttribution } from './combineAttribution.ts';

describe('combineAttribution', () => {
  it('mixes span and influence shares by beta and sums to exactly one million', () => {
    const out = combineAttribution({
      spans: [
        { contributionId: '1', units: 750_000n },
        { contributionId: '2', units: 250_000n },
      ],
      influence: [
        { contributionId: '2', score: 3 },
        { contributionId: '3', score: 1 },
        { contributionId: '4', score: -5 },
      ],
      beta: 0.5,
    })!;
    expect(out.map((w) => w.contributionId)).toEqual(['1', '2', '3']);
    // 1: .5·.75; 2: .5·.25 + .5·.75; 3: .5·.25; 4 is an opponent and gets nothing.
    expect(out.map((w) => w.weight)).toEqual([375_000n, 500_000n, 125_000n]);
    expect(out.reduce((a, w) => a + w.weight, 0n)).toBe(COMBINED_UNITS);
  });

  it('lets the only signal present take the whole share, and gives null with neither', () => {
    const spansOnly = combineAttribution({
      spans: [{ contributionId: '7', units: 10n }],
      influence: null,
      beta: 0.9,
    });
    expect(spansOnly).toEqual([{ contributionId: '7', weight: COMBINED_UNITS, span: 1, influence: 0 }]);
    const influenceOnly = combineAttribution({
      spans: [],
      influence: [
        { contributionId: '8', score: 1 },
        { contributionId: '9', score: 3 },
      ],
      beta: 0.1,
    })!;
    expect(influenceOnly.map((w) => w.weight)).toEqual([250_000n, 750_000n]);
    expect(
      combineAttribution({ spans: [], influence: [{ contributionId: '1', score: -1 }], beta: 0.5 }),
    ).toBeNull();
  });
});
