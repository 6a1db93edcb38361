import { EmbedBuilder } from 'discord.js';
import type { Model } from '../../../src/models/modelStore.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { BRAND } from './datanetEmbed.ts';
import { clip, percent } from './format.ts';

/** A published model's terms and what it has paid out, as /model info and /model publish show it. */
export function modelEmbed(m: Model, datanetName: string, tr: Translator = translator('en')): EmbedBuilder {
  const s = m.split;
  const pot = tr.amount;
  const pct = (bps: number) => tr.figure(percent(bps));
  return new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`🤖 ${m.name}`)
    .setDescription(m.description ? clip(m.description, 1000) : null)
    .addFields(
      {
        name: tr.t('dc-model-price'),
        value: tr.t('dc-model-price-value', { amount: pot(m.pricePerCall) }),
        inline: true,
      },
      { name: tr.t('dc-model-datanet'), value: datanetName, inline: true },
      {
        name: tr.t('dc-model-trained'),
        value: m.baseModel
          ? tr.t('dc-model-trained-on', { run: m.runId, base: clip(m.baseModel, 60) })
          : tr.t('dc-model-trained-run', { run: m.runId }),
        inline: true,
      },
      {
        name: tr.t('dc-model-split'),
        value: tr.t('receipt-parts', {
          developer: pct(s.developerBps),
          data: pct(s.dataBps),
          validators: pct(s.validatorsBps),
          protocol: pct(s.protocolBps),
        }),
      },
      {
        name: tr.t('dc-model-usage'),
        value: tr.t('dc-model-usage-value', {
          calls: m.usage.calls,
          fees: pot(m.usage.fees),
          data: pot(m.earnings.data),
          validators: pot(m.earnings.validators),
        }),
      },
      { name: tr.t('dc-model-artifact'), value: `\`${m.artifactHash.slice(0, 16)}…\``, inline: true },
      { name: tr.t('dc-model-snapshot'), value: `\`${m.snapshotRoot.slice(0, 18)}…\``, inline: true },
    )
    .setFooter({ text: tr.t('dc-model-footer', { id: m.id }) });
}
