import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { parseTokens } from '../../../src/shared/amount.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { BRAND, datanetEmbed } from '../render/datanetEmbed.ts';
import { clip } from '../render/format.ts';
import { roleRulesOf } from '../roleRulesOf.ts';
import { reviewChannelMap } from '../store/guildSettingsStore.ts';

const tokens = (v: string | null) => (v === null ? undefined : parseTokens(v));

export const datanetCommand: CommandModule = {
  name: 'datanet',
  definition: () =>
    new SlashCommandBuilder()
      .setName('datanet')
      .setDescription('Datanets: the topic data pools people contribute to')
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) =>
        s
          .setName('create')
          .setDescription('Create a datanet')
          .addStringOption((o) =>
            o.setName('name').setDescription('e.g. Persian Poetry').setRequired(true).setMaxLength(64),
          )
          .addStringOption((o) =>
            o.setName('description').setDescription('What belongs here').setMaxLength(2000),
          )
          .addStringOption((o) =>
            o
              .setName('languages')
              .setDescription('Two-letter codes, comma-separated (fa, en); empty accepts any'),
          )
          .addStringOption((o) =>
            o.setName('deposit').setDescription('POT each contribution locks until decided'),
          )
          .addStringOption((o) => o.setName('min_stake').setDescription('POT a validator must stake'))
          .addIntegerOption((o) =>
            o
              .setName('quorum')
              .setDescription('Votes needed for a decision')
              .setMinValue(1)
              .setMaxValue(1000),
          )
          .addNumberOption((o) =>
            o
              .setName('approval_percent')
              .setDescription('Share of stake a side needs to win')
              .setMinValue(50.01)
              .setMaxValue(100),
          )
          .addStringOption((o) =>
            o
              .setName('reward')
              .setDescription('POT paid to the winning validators per decision, from the pool'),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('list')
          .setDescription('List datanets')
          .addStringOption((o) => o.setName('search').setDescription('Name starts with').setMaxLength(64)),
      )
      .addSubcommand((s) =>
        s.setName('info').setDescription("A datanet's rules and numbers").addStringOption(datanetOption()),
      )
      .addSubcommand((s) =>
        s
          .setName('fund')
          .setDescription("Add POT to a datanet's reward pool (pays validators per decision)")
          .addStringOption(datanetOption())
          .addStringOption((o) => o.setName('amount').setDescription('POT, e.g. 25').setRequired(true)),
      )
      .toJSON(),
  acknowledge: (i) => (i.options.getSubcommand() === 'fund' ? 'ephemeral' : 'public'),
  autocomplete: datanetAutocomplete,

  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const o = interaction.options;
    if (sub === 'create') {
      const approval = o.getNumber('approval_percent');
      const languages = (o.getString('languages') ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((l) => l.toLowerCase());
      const d = await ctx.app.datanets.create({
        ownerAccountId: await accountOf(ctx, interaction.user),
        roleRules: await roleRulesOf(ctx, interaction),
        name: o.getString('name', true),
        description: o.getString('description') ?? '',
        languages,
        deposit: tokens(o.getString('deposit')),
        minStake: tokens(o.getString('min_stake')),
        quorumVotes: o.getInteger('quorum') ?? undefined,
        approvalBps: approval === null ? undefined : Math.round(approval * 100),
        validationReward: tokens(o.getString('reward')),
      });
      await interaction.editReply({
        content: `${interaction.user} created a datanet. Contribute with \`/contribute\`, validate with \`/validator stake\`.`,
        embeds: [datanetEmbed(d, ctx.config.discord, ctx.tr)],
      });
      return;
    }
    if (sub === 'list') {
      const found = await ctx.app.datanets.list({ search: o.getString('search') ?? undefined, limit: 25 });
      const lines = found.map(
        (d) =>
          `**${d.name}** · ${ctx.tr.t('dc-dn-list-line', {
            approved: d.counts.approved,
            pending: d.counts.pending,
            contributors: d.counts.contributors,
          })}${d.description ? `\n-# ${clip(d.description, 90)}` : ''}`,
      );
      await interaction.editReply({
        embeds: [
          new EmbedBuilder()
            .setColor(BRAND)
            .setTitle(`📚 ${ctx.tr.t('dc-dn-list-title')}`)
            .setDescription(lines.join('\n') || ctx.tr.t('dc-dn-list-none')),
        ],
      });
      return;
    }
    const datanet = await datanetFrom(interaction, ctx);
    if (sub === 'info') {
      const saved = await reviewChannelMap(ctx.app.database.sql);
      await interaction.editReply({ embeds: [datanetEmbed(datanet, ctx.config.discord, ctx.tr, saved)] });
      return;
    }
    const amount = parseTokens(o.getString('amount', true));
    await ctx.app.datanets.fundPool({
      accountId: await accountOf(ctx, interaction.user),
      datanetId: datanet.id,
      roleRules: await roleRulesOf(ctx, interaction),
      amount,
      idempotencyKey: idempotencyKeyOf(interaction),
    });
    await interaction.editReply(
      ctx.tr.t('dc-dn-funded', { amount: ctx.tr.amount(amount), datanet: `**${datanet.name}**` }),
    );
  },
};
