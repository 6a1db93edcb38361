import { z } from 'zod';
import { requirePermission, roleRulesSchema } from '../accounts/requirePermission.ts';
import { AppError } from '../errors.ts';
import { openPoolAccount } from '../ledger/ledgerStore.ts';
import { amountSchema } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { isSupportedLanguage } from '../shared/isSupportedLanguage.ts';
import { parseInput } from '../shared/parseInput.ts';
import type { Datanet } from './datanetStore.ts';
import { getDatanet } from './getDatanet.ts';

const params = z.object({
  /** The role mapping where this is asked (a Discord server's /settings); see requirePermission. */
  roleRules: roleRulesSchema,
  ownerAccountId: idSchema,
  name: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u, 'use letters, digits, spaces, _ . or -'),
  description: z.string().trim().max(2000).default(''),
  contentType: z.enum(['text']).default('text'),
  /** ISO 639-1 codes; empty accepts any language. */
  languages: z
    .array(
      z
        .string()
        .regex(/^[a-z]{2}$/, 'use two-letter ISO 639-1 codes like fa or en')
        .refine(
          isSupportedLanguage,
          'this language cannot be detected yet; leave languages empty to accept any',
        ),
    )
    .max(20)
    .default([]),
  deposit: amountSchema.optional(),
  minStake: amountSchema.optional(),
  quorumVotes: z.number().int().min(1).max(1000).optional(),
  approvalBps: z.number().int().min(5001).max(10_000).optional(),
  dailyItems: z.number().int().min(1).max(1_000_000).optional(),
  dailyBytes: z
    .number()
    .int()
    .min(1)
    .max(1024 ** 3)
    .optional(),
  validationReward: amountSchema.default(0n),
  /** How long a contribution stays open for votes (seconds). */
  reviewWindowSeconds: z
    .number()
    .int()
    .min(60)
    .max(31_536_000)
    .default(7 * 86_400),
  /** At the window's close: decide on the votes present (true) or return it with its deposit. */
  expiryDecides: z.boolean().default(true),
  /** Part of the stake a losing-side vote forfeits, in basis points (README: why 1%). */
  lossBps: z.number().int().min(0).max(10_000).default(100),
  /** Part of the protocol cut of each paid call on this datanet's models that refills its pool. */
  poolCutBps: z.number().int().min(0).max(10_000).default(5000),
  /** Validators below this gold accuracy (after goldMinAnswers gold items) earn nothing until it recovers. */
  goldMinAccuracyBps: z.number().int().min(0).max(10_000).default(7000),
  goldMinAnswers: z.number().int().min(1).max(1000).default(5),
});
export type CreateDatanetParams = z.input<typeof params>;

/** A new topic pool with its rules; unset rules take the server's defaults (config). */
export async function createDatanet(deps: Deps, input: CreateDatanetParams): Promise<Datanet> {
  const p = parseInput(params, input);
  await requirePermission(deps.sql, deps.config, p.ownerAccountId, 'datanet.create', p.roleRules);
  const d = deps.config.datanetDefaults;
  const minStake = p.minStake ?? d.minStake;
  if (minStake <= 0n) throw new AppError('BAD_INPUT', 'minStake: must be more than zero');
  const id = await deps.sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into datanets (name, description, content_type, languages, owner_account_id, deposit, min_stake,
        quorum_votes, approval_bps, daily_items, daily_bytes, validation_reward, review_window_seconds,
        expiry_decides, loss_bps, pool_cut_bps, gold_min_accuracy_bps, gold_min_answers)
      values (${p.name}, ${p.description}, ${p.contentType}, ${p.languages}, ${p.ownerAccountId},
        ${(p.deposit ?? d.deposit).toString()}, ${minStake.toString()}, ${p.quorumVotes ?? d.quorumVotes},
        ${p.approvalBps ?? d.approvalBps}, ${p.dailyItems ?? d.dailyItems}, ${p.dailyBytes ?? d.dailyBytes},
        ${p.validationReward.toString()}, ${p.reviewWindowSeconds}, ${p.expiryDecides}, ${p.lossBps},
        ${p.poolCutBps}, ${p.goldMinAccuracyBps}, ${p.goldMinAnswers})
      on conflict do nothing
      returning id`;
    if (!row) {
      throw new AppError('DUPLICATE', `A datanet named "${p.name}" already exists. Pick another name.`, {
        name: p.name,
      });
    }
    await openPoolAccount(tx, row.id);
    // Same transaction: the datanet and its on-chain registration commit together (outbox).
    await deps.anchoring.registerDatanet(tx, row.id);
    return row.id;
  });
  deps.log.info('datanet created', { datanetId: id, name: p.name });
  return getDatanet(deps, { datanet: id });
}
