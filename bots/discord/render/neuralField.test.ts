import { describe, expect, it } from 'vitest';
import type { NeuralReceipt } from '../../../src/inference/receipt.ts';
import { translator } from '../../i18n/translator.ts';
import { neuralField } from './neuralField.ts';

const neural = (over: Partial<NeuralReceipt>): NeuralReceipt => ({
  baseModel: 'tiny-llama',
  adapterSha256: 'f'.repeat(64),
  influence: { status: 'computed', scores: [] },
  influenceWeight: 0.25,
  ...over,
});

describe('neural attribution on Discord', () => {
  it('shows the mix of spans and influence and the most influential contributions with their weights', () => {
    const field = neuralField(
      neural({
        influence: {
          status: 'computed',
          scores: [
            { contributionId: '12', score: 3 },
            { contributionId: '7', score: 1 },
            { contributionId: '3', score: -2 },
          ],
        },
      }),
      translator('en'),
    );
    expect(field?.value).toContain('LoRA adapter ffffffffffff on base model tiny-llama');
    expect(field?.value).toContain('spans 75% + gradient influence 25%');
    // Only positive scores pushed toward the answer: 3 and 1 of 4.
    expect(field?.value).toContain('Most influential: #12 75% · #7 25%');
    expect(field?.value).not.toContain('#3');
  });

  it('says the data share waits in escrow while influence is pending, in Persian too, and nothing for ∞-gram answers', () => {
    const pending = neural({ influence: { status: 'pending', scores: [] } });
    expect(neuralField(pending, translator('en'))?.value).toContain('wait in escrow');
    const fa = neuralField(neural({}), translator('fa'));
    expect(fa?.name).toContain('انتساب عصبی');
    expect(fa?.value).toContain('۷۵٪');
    expect(neuralField(undefined, translator('en'))).toBeNull();
  });
});
