import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { parseTokens } from '../../../src/shared/amount.ts';
import type { ValidatorRecord } from '../../../src/validation/validatorRecords.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom, datanetOption } from '../datanetOption.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const en = translator('en');
const pct = (tr: Translator, bps: number | null) =>
  bps === null ? '—' : tr.figure(`${Math.floor(bps / 100)}%`);

/** Agreement with outcomes, gold accuracy, votes and earnings: only decided votes count. */
function reputation(tr: Translator, r: ValidatorRecord): string {
  const record = tr.t('validator-reputation', {
    votes: r.votesCast,
    agreement: pct(tr, r.agreementBps),
    gold: pct(tr, r.goldAccuracyBps),
    answered: r.goldAnswered,
    earned: tr.amount(r.earned),
  });
  const forfeited = r.forfeited > 0n ? tr.t('validator-forfeited', { amount: tr.amount(r.forfeited) }) : '';
  return `${record}${forfeited}${r.suspended ? ` ${tr.t('validator-suspended')}` : ''}`;
}

/** A subcommand's or option's description, in English with the other languages' text. */
const described = <T extends { setDescription(d: string): T; setDescriptionLocalizations(m: object): T }>(
  b: T,
  id: string,
) => b.setDescription(en.t(id)).setDescriptionLocalizations(localizations(id));

export const validatorCommand: CommandModule = {
  name: 'validator',
  definition: () =>
    new SlashCommandBuilder()
      .setName('validator')
      .setDescription(en.t('dc-validator-description'))
      .setDescriptionLocalizations(localizations('dc-validator-description'))
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) =>
        s
          .setName('stake')
          .setDescription(en.t('dc-validator-stake'))
          .setDescriptionLocalizations(localizations('dc-validator-stake'))
          .addStringOption(datanetOption())
          .addStringOption((o) => described(o.setName('amount'), 'dc-validator-amount').setRequired(true)),
      )
      .addSubcommand((s) =>
        s
          .setName('unstake')
          .setDescription(en.t('dc-validator-unstake'))
          .setDescriptionLocalizations(localizations('dc-validator-unstake'))
          .addStringOption(datanetOption()),
      )
      .addSubcommand((s) =>
        s
          .setName('status')
          .setDescription(en.t('dc-validator-status'))
          .setDescriptionLocalizations(localizations('dc-validator-status')),
      )
      .addSubcommand((s) =>
        s
          .setName('leaderboard')
          .setDescription(en.t('dc-validator-leaderboard'))
          .setDescriptionLocalizations(localizations('dc-validator-leaderboard'))
          .addStringOption(datanetOption()),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    const { tr } = ctx;
    const sub = interaction.options.getSubcommand();
    const accountId = await accountOf(ctx, interaction.user);
    if (sub === 'status') {
      const { stakes } = await ctx.app.validation.status({ accountId });
      const lines = stakes
        .filter((s) => s.staked > 0n || s.votesCast > 0)
        .map(
          (s) =>
            `${tr.t('dc-validator-stake-line', { datanet: s.datanetName, staked: tr.amount(s.staked) })}${s.staked < s.minStake ? ` ${tr.t('dc-validator-below-min', { min: tr.amount(s.minStake) })}` : ''}\n-# ${tr.t('dc-validator-open', { reputation: reputation(tr, s), open: s.openVotes })}`,
        );
      await interaction.editReply({
        embeds: [
          new EmbedBuilder()
            .setColor(BRAND)
            .setTitle(tr.t('dc-validator-status-title'))
            .setDescription(lines.join('\n') || tr.t('dc-validator-none')),
        ],
      });
      return;
    }
    const datanet = await datanetFrom(interaction, ctx);
    if (sub === 'leaderboard') {
      const { validators } = await ctx.app.validation.leaderboard({ datanetId: datanet.id, limit: 15 });
      const lines = validators.map(
        (v, i) =>
          `${tr.number(i + 1)}. ${v.accountId === accountId ? `**${tr.t('dc-validator-you')}**` : v.displayName || `#${v.accountId}`} · ${reputation(tr, v)}`,
      );
      await interaction.editReply({
        embeds: [
          new EmbedBuilder()
            .setColor(BRAND)
            .setTitle(tr.t('dc-validator-board-title', { datanet: datanet.name }).slice(0, 256))
            .setDescription(lines.join('\n') || tr.t('dc-validator-board-empty')),
        ],
      });
      return;
    }
    if (sub === 'stake') {
      const r = await ctx.app.validation.stake({
        accountId,
        datanetId: datanet.id,
        amount: parseTokens(interaction.options.getString('amount', true)),
        idempotencyKey: idempotencyKeyOf(interaction),
      });
      await interaction.editReply(
        tr.t('dc-validator-staked', { amount: tr.amount(r.staked), datanet: datanet.name }),
      );
      return;
    }
    const r = await ctx.app.validation.unstake({ accountId, datanetId: datanet.id });
    await interaction.editReply(
      r.returned > 0n
        ? tr.t('dc-validator-returned', { amount: tr.amount(r.returned), datanet: datanet.name })
        : tr.t('dc-validator-nothing', { datanet: datanet.name }),
    );
  },
};
