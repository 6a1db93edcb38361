import { AttachmentBuilder, EmbedBuilder, SlashCommandBuilder } from 'discord.js';
import type { Translator } from '../../i18n/translator.ts';
import { translator } from '../../i18n/translator.ts';
import type { CommandModule } from '../commandModule.ts';
import { localizations } from '../localizations.ts';
import { BRAND } from '../render/datanetEmbed.ts';

const en = translator('en');
/** An embed field holds 1024 characters; a longer proof goes out as proof.json instead. */
const FIELD_MAX = 1024;

type Kind = 'contribution' | 'validation' | 'model';
const STATE = {
  queued: 'proof-state-queued',
  undecided: 'proof-state-undecided',
  batched: 'proof-state-batched',
  anchored: 'proof-state-anchored',
} as const;
export interface Shown {
  title: string;
  state: string;
  leaf?: Record<string, unknown>;
  root?: string;
  batch?: string;
  tx?: string | null;
  proof?: string[];
  verified?: boolean | null;
}

/** A contribution's or an outcome's proof once it is in a batch: the same fields for both. */
function batchShown(
  tr: Translator,
  title: string,
  p: {
    state: 'batched' | 'anchored';
    leaf: NonNullable<Shown['leaf']>;
    batch: { id: string; root: string; count: number; txHash: string | null };
    proof: string[];
    verified: boolean | null;
  },
): Shown {
  return {
    title,
    state: tr.t(STATE[p.state]),
    leaf: p.leaf,
    root: p.batch.root,
    batch: `#${p.batch.id} · ${tr.t('proof-batch-size', { count: p.batch.count })}`,
    tx: p.batch.txHash,
    proof: p.proof,
    verified: p.verified,
  };
}

const verdict = (tr: Translator, v: boolean | null | undefined) =>
  v === true
    ? `✅ ${tr.t('proof-verified-yes')}`
    : v === false
      ? `❌ ${tr.t('proof-verified-no')}`
      : tr.t('proof-verified-none');

/** Hashes and flags as a compact JSON code block (bigints as decimal strings). */
const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** The reply: an embed, and proof.json when the Merkle path will not fit in a field. */
export function render(tr: Translator, s: Shown) {
  const embed = new EmbedBuilder()
    .setColor(BRAND)
    .setTitle(`🔐 ${s.title}`.slice(0, 256))
    .setDescription(s.state);
  const files: AttachmentBuilder[] = [];
  if (s.leaf)
    embed.addFields({
      name: tr.t('proof-leaf'),
      value: `\`\`\`json\n${json(s.leaf)}\n\`\`\``.slice(0, FIELD_MAX),
    });
  if (s.root) embed.addFields({ name: tr.t('proof-root'), value: `\`${s.root}\`` });
  if (s.batch) embed.addFields({ name: tr.t('proof-batch'), value: s.batch, inline: true });
  if (s.tx !== undefined)
    embed.addFields({ name: tr.t('proof-tx'), value: s.tx ? `\`${s.tx}\`` : tr.t('proof-tx-pending') });
  if (s.proof) {
    const block = `\`\`\`json\n${json(s.proof)}\n\`\`\``;
    if (block.length <= FIELD_MAX)
      embed.addFields({ name: tr.t('proof-path', { count: s.proof.length }), value: block });
    else {
      files.push(
        new AttachmentBuilder(
          Buffer.from(JSON.stringify({ leaf: s.leaf, root: s.root, proof: s.proof }, null, 2)),
          { name: 'proof.json' },
        ),
      );
      embed.addFields({ name: tr.t('proof-path', { count: s.proof.length }), value: tr.t('proof-attached') });
    }
  }
  if (s.verified !== undefined)
    embed.addFields({ name: tr.t('proof-on-chain'), value: verdict(tr, s.verified) });
  return { embeds: [embed], files };
}

async function shown(
  kind: Kind,
  id: string,
  member: string | null,
  ctx: Parameters<CommandModule['execute']>[1],
): Promise<Shown> {
  const { tr, app } = ctx;
  if (kind === 'contribution') {
    const p = await app.chain.getContributionProof({ contributionId: id });
    const title = tr.t('proof-title-contribution', { id });
    if (p.state === 'queued') return { title, state: tr.t('proof-state-queued') };
    return batchShown(tr, title, p);
  }
  if (kind === 'validation') {
    const p = await app.chain.getValidationProof({ contributionId: id });
    const title = tr.t('proof-title-validation', { id });
    if (!('batch' in p)) return { title, state: tr.t(STATE[p.state]) };
    return batchShown(tr, title, p);
  }
  const p = await app.chain.getModelSnapshotProof({ modelId: id, contributionId: member ?? undefined });
  return {
    title: tr.t('proof-title-model', { id }),
    state: tr.t('proof-state-model', { count: p.contributionIds.length }),
    leaf: p.inclusion?.leaf,
    root: p.onChainSnapshotRoot ?? p.snapshotRoot,
    tx: p.registration?.txHash ?? null,
    proof: p.inclusion?.proof,
    verified: p.inclusion
      ? p.inclusion.verified
      : p.onChainSnapshotRoot
        ? p.onChainSnapshotRoot === p.snapshotRoot
        : null,
  };
}

const idOption = (description: string) => (o: import('discord.js').SlashCommandStringOption) =>
  o
    .setName('id')
    .setDescription(en.t(description))
    .setDescriptionLocalizations(localizations(description))
    .setRequired(true)
    .setMaxLength(20);

/**
 * /proof contribution|validation|model: the on-chain proof behind a contribution's anchoring, its
 * validation outcome, or a model's training snapshot: leaf, root, transaction, Merkle path and the
 * registry's own verdict. Only the caller sees it; everything in it is already public on chain.
 */
export const proofCommand: CommandModule = {
  name: 'proof',
  definition: () =>
    new SlashCommandBuilder()
      .setName('proof')
      .setDescription(en.t('dc-proof-description'))
      .setDescriptionLocalizations(localizations('dc-proof-description'))
      .addSubcommand((s) =>
        s
          .setName('contribution')
          .setDescription(en.t('dc-proof-contribution'))
          .setDescriptionLocalizations(localizations('dc-proof-contribution'))
          .addStringOption(idOption('dc-proof-contribution-id')),
      )
      .addSubcommand((s) =>
        s
          .setName('validation')
          .setDescription(en.t('dc-proof-validation'))
          .setDescriptionLocalizations(localizations('dc-proof-validation'))
          .addStringOption(idOption('dc-proof-contribution-id')),
      )
      .addSubcommand((s) =>
        s
          .setName('model')
          .setDescription(en.t('dc-proof-model'))
          .setDescriptionLocalizations(localizations('dc-proof-model'))
          .addStringOption(idOption('dc-proof-model-id'))
          .addStringOption((o) =>
            o
              .setName('contribution')
              .setDescription(en.t('dc-proof-model-member'))
              .setDescriptionLocalizations(localizations('dc-proof-model-member'))
              .setMaxLength(20),
          ),
      )
      .toJSON(),
  acknowledge: 'ephemeral',
  async execute(interaction, ctx) {
    const kind = interaction.options.getSubcommand() as Kind;
    const id = interaction.options.getString('id', true).trim().replace(/^#/, '');
    const member = interaction.options.getString('contribution')?.trim().replace(/^#/, '') || null;
    await interaction.editReply(render(ctx.tr, await shown(kind, id, member, ctx)));
  },
};
