import { EmbedBuilder } from 'discord.js';
import { describeCredit } from '../../../src/inference/describeCredit.ts';
import type { InvokeModelResult } from '../../../src/inference/invokeModel.ts';
import { shownAmounts, shownPercents } from '../../../src/inference/shownShares.ts';
import type { Model } from '../../../src/models/modelStore.ts';
import type { Translator } from '../../i18n/translator.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip } from './format.ts';
import { neuralField } from './neuralField.ts';

/**
 * The answer with a compact receipt: the fee and how it split, the contributions it drew on (with
 * shares rounded so they add up to the data part) and the text each one's longest span matched.
 */
export function answerEmbed(
  prompt: string,
  result: InvokeModelResult,
  model: Model,
  tr: Translator,
  /** The receipt's public page (fee, shares, anchored proof): the embed's title links to it. */
  receiptPageUrl?: string,
): EmbedBuilder {
  const pot = tr.amount;
  const r = result.receipt;
  const parts = r.parts;
  const all = r.attribution.contributions;
  const percents = shownPercents(all.map((c) => BigInt(c.units)));
  const data = shownAmounts(all.map((c) => BigInt(c.data)));
  const top = all
    .map((c, i) => ({ ...c, percent: percents[i], shownData: data[i] }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  const matched = (id: string) => {
    const span = r.attribution.spans
      .filter((s) => s.chars && s.contributions[0]?.contributionId === id)
      .sort((a, b) => b.length - a.length)[0];
    const text = span?.chars ? result.answer.slice(span.chars[0], span.chars[1]).trim() : '';
    return text ? ` “${clip(text.replace(/\n/g, ' / '), 60)}”` : '';
  };
  const drewOn = top.length
    ? top
        .map(
          (c) =>
            `#${c.contributionId} ${tr.figure(c.percent)} (+${pot(c.shownData)})${matched(c.contributionId)}`,
        )
        .join(' · ')
    : tr.t('answer-no-span');
  const embed = new EmbedBuilder()
    .setColor(BRAND)
    .setAuthor({ name: `🤖 ${model.name}` })
    .setDescription(
      `**${tr.t('answer-question')}** ${clip(prompt, 300)}\n\n${clip(result.answer || emptyAnswer(r.stopReason, tr), 3000)}`,
    )
    .addFields(
      {
        name: tr.t('answer-fee'),
        value: `${pot(BigInt(r.fee))} · ${tr.t('receipt-parts', {
          developer: pot(BigInt(parts.developer)),
          data: pot(BigInt(parts.data)),
          validators: pot(BigInt(parts.validators)),
          protocol: pot(BigInt(parts.protocol)),
        })}`,
      },
      {
        name: `${tr.t('answer-top')}${fallbackNote(r, tr)}`,
        value: clip(`${drewOn}\n${describeCredit(r)}`, 1024),
      },
    )
    .setFooter({
      text: `${tr.t('answer-footer', { id: r.receiptId, hash: r.receiptHash.slice(0, 16) })}${result.replayed ? ` · ${tr.t('answer-already-paid')}` : ''}`,
    });
  const neural = neuralField(r.neural, tr);
  if (neural) embed.addFields(neural);
  if (receiptPageUrl) embed.setTitle(tr.t('answer-receipt-page', { id: r.receiptId })).setURL(receiptPageUrl);
  return embed;
}

function fallbackNote(r: InvokeModelResult['receipt'], tr: Translator): string {
  if (!r.attribution.fallback) return '';
  return r.attribution.basis === 'evidence'
    ? ` ${tr.t('answer-top-evidence')}`
    : ` ${tr.t('answer-top-snapshot')}`;
}

/** Why an answer is empty: the ∞-gram gives none to a prompt nothing in the snapshot continues. */
function emptyAnswer(stopReason: string, tr: Translator): string {
  return stopReason === 'no_context'
    ? tr.t('answer-no-context')
    : stopReason === 'end_of_document'
      ? tr.t('answer-end-of-document')
      : tr.t('answer-empty');
}
