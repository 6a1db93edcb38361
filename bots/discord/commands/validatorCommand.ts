import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { parseTokens } from '../../../src/shared/amount.ts';
import type { ValidatorRecord } from '../../../src/validation/validatorRecords.ts';
import type { CommandModule } from '../commandModule.ts';
import { accountOf, idempotencyKeyOf } from '../context.ts';
import { datanetAutocomplete, datanetFrom } from '../datanetOption.ts';
import { BRAND } from '../render/datanetEmbed.ts';
import { pot } from '../render/format.ts';

const pct = (bps: number | null) => (bps === null ? '—' : `${Math.floor(bps / 100)}%`);

/** Agreement with outcomes, gold accuracy, votes and earnings: only decided votes count. */
function reputation(r: ValidatorRecord): string {
  const suspended = r.suspended ? ' · ⚠️ below the gold threshold: not earning until it recovers' : '';
  return `${r.votesCast} votes · agreement ${pct(r.agreementBps)} · gold ${pct(r.goldAccuracyBps)} of ${r.goldAnswered} · earned ${pot(r.earned)}${r.forfeited > 0n ? `, forfeited ${pot(r.forfeited)}` : ''}${suspended}`;
}

export const validatorCommand: CommandModule = {
  name: 'validator',
  definition: () =>
    new SlashCommandBuilder()
      .setName('validator')
      .setDescription('Validate a datanet: stake POT, vote on contributions, earn rewards')
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) =>
        s
          .setName('stake')
          .setDescription('Stake POT on a datanet to become (or weigh more as) its validator')
          .addStringOption((o) =>
            o.setName('datanet').setDescription('Datanet').setRequired(true).setAutocomplete(true),
          )
          .addStringOption((o) => o.setName('amount').setDescription('POT, e.g. 10').setRequired(true)),
      )
      .addSubcommand((s) =>
        s
          .setName('unstake')
          .setDescription('Take your whole stake back (after your open votes are decided)')
          .addStringOption((o) =>
            o.setName('datanet').setDescription('Datanet').setRequired(true).setAutocomplete(true),
          ),
      )
      .addSubcommand((s) =>
        s.setName('status').setDescription('Your stakes and reputation: agreement, gold accuracy, earnings'),
      )
      .addSubcommand((s) =>
        s
          .setName('leaderboard')
          .setDescription("A datanet's validators by earnings and agreement")
          .addStringOption((o) =>
            o.setName('datanet').setDescription('Datanet').setRequired(true).setAutocomplete(true),
          ),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  autocomplete: datanetAutocomplete,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    const accountId = await accountOf(ctx, interaction.user);
    if (sub === 'status') {
      const { stakes } = await ctx.app.validation.status({ accountId });
      const lines = stakes
        .filter((s) => s.staked > 0n || s.votesCast > 0)
        .map(
          (s) =>
            `**${s.datanetName}** · staked ${pot(s.staked)}${s.staked < s.minStake ? ` (below the ${pot(s.minStake)} minimum: no voting)` : ''}\n-# ${reputation(s)}, ${s.openVotes} still open`,
        );
      await interaction.editReply({
        embeds: [
          new EmbedBuilder()
            .setColor(BRAND)
            .setTitle('🛡️ Your validator status')
            .setDescription(
              lines.join('\n') || 'You are not validating any datanet. Start with `/validator stake`.',
            ),
        ],
      });
      return;
    }
    const datanet = await datanetFrom(interaction, ctx);
    if (sub === 'leaderboard') {
      const { validators } = await ctx.app.validation.leaderboard({ datanetId: datanet.id, limit: 15 });
      const lines = validators.map(
        (v, i) =>
          `${i + 1}. ${v.accountId === accountId ? '**you**' : v.displayName || `#${v.accountId}`} · ${reputation(v)}`,
      );
      await interaction.editReply({
        embeds: [
          new EmbedBuilder()
            .setColor(BRAND)
            .setTitle(`🏆 Validators of ${datanet.name}`.slice(0, 256))
            .setDescription(lines.join('\n') || 'No validators yet.'),
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
        `🛡️ You now stake ${pot(r.staked)} on **${datanet.name}**. Press Approve / Reject on its review posts or use \`/review\` to vote.`,
      );
      return;
    }
    const r = await ctx.app.validation.unstake({ accountId, datanetId: datanet.id });
    await interaction.editReply(
      r.returned > 0n
        ? `↩️ ${pot(r.returned)} returned from **${datanet.name}** to your balance.`
        : `You had nothing staked on **${datanet.name}**.`,
    );
  },
};
