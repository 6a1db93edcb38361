import { EmbedBuilder } from 'discord.js';
import type { Model } from '../../../src/models/modelView.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip, percent, pot } from './format.ts';

/** A published model's terms and what it has paid out, as /model info and /model publish show it. */
export function modelEmbed(m: Model, datanetName: string): EmbedBuilder {
  const s = m.split;
  return new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`🤖 ${m.name}`)
    .setDescription(m.description ? clip(m.description, 1000) : null)
    .addFields(
      { name: 'Price', value: `${pot(m.pricePerCall)} per call`, inline: true },
      { name: 'Datanet', value: datanetName, inline: true },
      {
        name: 'Trained by',
        value: `run #${m.runId}${m.baseModel ? ` on ${clip(m.baseModel, 60)}` : ''}`,
        inline: true,
      },
      {
        name: 'Split',
        value: `developer ${percent(s.developerBps)} · data ${percent(s.dataBps)} · validators ${percent(s.validatorsBps)} · protocol ${percent(s.protocolBps)}`,
      },
      {
        name: 'Usage',
        value: `${m.usage.calls} paid calls, ${pot(m.usage.fees)} in fees (data contributors got ${pot(m.earnings.data)}, validators ${pot(m.earnings.validators)})`,
      },
      { name: 'Artifact', value: `\`${m.artifactHash.slice(0, 16)}…\``, inline: true },
      { name: 'Snapshot', value: `\`${m.snapshotRoot.slice(0, 18)}…\``, inline: true },
    )
    .setFooter({ text: `Model #${m.id} · ask it with /ask` });
}
