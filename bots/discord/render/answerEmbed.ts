import { EmbedBuilder } from 'discord.js';
import { describeCredit } from '../../../src/inference/describeCredit.ts';
import type { InvokeModelResult } from '../../../src/inference/invokeModel.ts';
import { shownAmounts, shownPercents } from '../../../src/inference/shownShares.ts';
import type { Model } from '../../../src/models/modelView.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip, pot } from './format.ts';

/**
 * The answer with a compact receipt: the fee and how it split, the contributions it drew on (with
 * shares rounded so they add up to the data part) and the text each one's longest span matched.
 */
export function answerEmbed(prompt: string, result: InvokeModelResult, model: Model): EmbedBuilder {
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
        .map((c) => `#${c.contributionId} ${c.percent} (+${pot(c.shownData)})${matched(c.contributionId)}`)
        .join(' · ')
    : 'no span long enough to credit';
  return new EmbedBuilder()
    .setColor(BRAND)
    .setAuthor({ name: `🤖 ${model.name}` })
    .setDescription(
      `**Q:** ${clip(prompt, 300)}\n\n${clip(result.answer || emptyAnswer(r.stopReason), 3000)}`,
    )
    .addFields(
      {
        name: '🧾 Fee',
        value: `${pot(BigInt(r.fee))} · developer ${pot(BigInt(parts.developer))} · data ${pot(BigInt(parts.data))} · validators ${pot(BigInt(parts.validators))} · protocol ${pot(BigInt(parts.protocol))}`,
      },
      {
        name: `Top contributors${fallbackNote(r)}`,
        value: clip(`${drewOn}\n${describeCredit(r)}`, 1024),
      },
    )
    .setFooter({
      text: `Receipt #${r.receiptId} · ${r.receiptHash.slice(0, 16)}…${result.replayed ? ' · already paid' : ''}`,
    });
}

function fallbackNote(r: InvokeModelResult['receipt']): string {
  if (!r.attribution.fallback) return '';
  return r.attribution.basis === 'evidence'
    ? ' (nothing matched closely: the poems it sampled from)'
    : ' (whole snapshot: nothing matched closely)';
}

/** Why an answer is empty: the ∞-gram gives none to a prompt nothing in the snapshot continues. */
function emptyAnswer(stopReason: string): string {
  return stopReason === 'no_context'
    ? '(no answer: nothing in this datanet continues that prompt; try words from its contributions)'
    : stopReason === 'end_of_document'
      ? '(no answer: the prompt already ends the text it matches)'
      : '(empty answer)';
}
