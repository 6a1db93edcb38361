import { EmbedBuilder } from 'discord.js';
import type { InvokeModelResult } from '../../../src/inference/invokeModel.ts';
import type { Model } from '../../../src/models/modelView.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip, pot } from './format.ts';

/** The answer with a compact receipt: the fee and how it split, and the contributions it drew on. */
export function answerEmbed(prompt: string, result: InvokeModelResult, model: Model): EmbedBuilder {
  const r = result.receipt;
  const parts = r.parts;
  const top = [...r.attribution.contributions].sort((a, b) => b.weight - a.weight).slice(0, 3);
  const drewOn = top.length
    ? top
        .map((c) => `#${c.contributionId} ${Math.round(c.weight * 100)}% (+${pot(BigInt(c.data))})`)
        .join(' · ')
    : 'no span long enough to credit';
  return new EmbedBuilder()
    .setColor(BRAND)
    .setAuthor({ name: `🤖 ${model.name}` })
    .setDescription(`**Q:** ${clip(prompt, 300)}\n\n${clip(result.answer || '(empty answer)', 3000)}`)
    .addFields(
      {
        name: '🧾 Fee',
        value: `${pot(BigInt(r.fee))} · developer ${pot(BigInt(parts.developer))} · data ${pot(BigInt(parts.data))} · validators ${pot(BigInt(parts.validators))} · protocol ${pot(BigInt(parts.protocol))}`,
      },
      {
        name: `Top contributors${r.attribution.fallback ? ' (whole snapshot: nothing matched closely)' : ''}`,
        value: clip(drewOn, 1024),
      },
    )
    .setFooter({
      text: `Receipt #${r.receiptId} · ${r.receiptHash.slice(0, 16)}…${result.replayed ? ' · already paid' : ''}`,
    });
}
