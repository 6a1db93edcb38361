import type { APIEmbedField } from 'discord.js';
import type { NeuralReceipt } from '../../../src/inference/receipt.ts';
import type { Translator } from '../../i18n/translator.ts';

/**
 * How a LoRA answer was attributed, as an embed field (none for ∞-gram answers): the adapter and
 * base, the mix of spans and gradient influence (or that influence waits in escrow), and the most
 * influential contributions with their share of the listed positive influence.
 */
export function neuralField(neural: NeuralReceipt | undefined, tr: Translator): APIEmbedField | null {
  if (!neural) return null;
  const percent = (x: number) => tr.figure(`${Math.round(x * 100)}%`);
  const how =
    neural.influence.status === 'computed'
      ? tr.t('receipt-neural-computed', {
          spans: percent(1 - neural.influenceWeight),
          influence: percent(neural.influenceWeight),
        })
      : tr.t(neural.influence.status === 'pending' ? 'receipt-neural-pending' : 'receipt-neural-none');
  const lines = [
    tr.t('receipt-neural', { adapter: neural.adapterSha256.slice(0, 12), base: neural.baseModel }),
    how,
  ];
  // Raw scores are projected-gradient dot products: only positive ones pushed toward the answer.
  const top = neural.influence.scores.filter((s) => s.score > 0).slice(0, 5);
  const mass = top.reduce((a, s) => a + s.score, 0);
  if (neural.influence.status === 'computed' && top.length && mass > 0) {
    const list = top.map((s) => `#${s.contributionId} ${percent(s.score / mass)}`).join(' · ');
    lines.push(tr.t('receipt-neural-top', { list }));
  }
  return { name: `🧠 ${tr.t('receipt-neural-title')}`, value: lines.join('\n').slice(0, 1024) };
}
