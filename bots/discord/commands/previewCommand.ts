import { EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import type { DatasetPreview } from '../../../src/contributions/previewDataset.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const en = translator('en');

/** Ten deciles as a text histogram: a bar per decile, scaled to the fullest one. */
export function scoreHistogram(buckets: number[], tr: Translator): string {
  const max = Math.max(1, ...buckets);
  return buckets
    .map((n, i) => {
      const range = `${tr.number(i * 10)}–${tr.number(i === 9 ? 100 : i * 10 + 9)}`;
      return `\`${range.padEnd(7)}\` ${'█'.repeat(Math.round((n / max) * 12)) || '·'} ${tr.number(n)}`;
    })
    .join('\n');
}

export function previewEmbed(p: DatasetPreview, tr: Translator): EmbedBuilder {
  const embed = new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`📚 ${tr.t('preview-title', { datanet: p.datanetName })}`.slice(0, 256));
  if (p.items === 0) return embed.setDescription(tr.t('preview-empty'));
  const languages = p.languages.map((l) => `${l.language} ${tr.number(l.items)}`).join(', ');
  embed.setDescription(
    `${tr.t('preview-size', { items: tr.number(p.items), contributors: tr.number(p.contributors), chars: tr.number(p.chars) })}\n${tr.t('preview-languages', { list: languages })}`,
  );
  embed.addFields({ name: tr.t('preview-scores'), value: scoreHistogram(p.scoreBuckets, tr) });
  for (const s of p.sample.slice(0, 5)) {
    embed.addFields({
      name: tr
        .t('preview-item', { id: s.contributionId, language: s.language, score: tr.number(s.checkScore) })
        .slice(0, 256),
      value: `${s.excerpt}${s.truncated ? '…' : ''}`.slice(0, 1024),
    });
  }
  return embed;
}

/** /preview: a datanet's approved data before training on it or paying for its models. */
export const previewCommand: CommandModule = {
  name: 'preview',
  definition: () =>
    new SlashCommandBuilder()
      .setName('preview')
      .setDescription(en.t('dc-preview-description'))
      .setDescriptionLocalizations(localizations('dc-preview-description'))
      .addStringOption(datanetOption())
      .addStringOption((o) =>
        o
          .setName('language')
          .setDescription(en.t('dc-preview-language'))
          .setDescriptionLocalizations(localizations('dc-preview-language'))
          .setMaxLength(3),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    const datanet = await datanetFrom(interaction, ctx);
    const preview = await ctx.app.contributions.preview({
      datanetId: datanet.id,
      language: interaction.options.getString('language') ?? undefined,
    });
    await interaction.editReply({ embeds: [previewEmbed(preview, ctx.tr)] });
  },
};
