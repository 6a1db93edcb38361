import type { TransactionSql } from 'postgres';
import { z } from 'zod';
import { idSchema } from '../accounts/identity.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { formatTokens } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withOptionalIdempotency } from '../shared/withIdempotency.ts';
import { decideIfReady, type Outcome } from './decideIfReady.ts';

const params = z.object({
  accountId: idSchema,
  contributionId: idSchema,
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
  /** Optional: a retry with the same key replays the first result; another request with it is a CONFLICT. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type CastVoteParams = z.input<typeof params>;
export interface CastVoteResult {
  contributionId: string;
  approve: boolean;
  weight: bigint;
  /** True when this exact vote was already recorded (a duplicate delivery): nothing changed. */
  replayed: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  /** Set when this vote decided the contribution. */
  outcome: Outcome | null;
}

/**
 * One vote per validator per contribution, weighted by their stake, never on their own
 * contribution. The contribution row is locked for the whole transaction, so concurrent votes
 * take turns and exactly one of them can decide the outcome.
 */
export async function castVote(deps: Deps, input: CastVoteParams): Promise<CastVoteResult> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const scope = { accountId: p.accountId, key: p.idempotencyKey, operation: 'vote', request: p };
    const { result, replayed } = await withOptionalIdempotency(tx, scope, () => voteIn(tx, deps, p));
    return replayed ? { ...result, replayed, outcome: null } : result;
  });
}

async function voteIn(tx: TransactionSql, deps: Deps, p: z.output<typeof params>): Promise<CastVoteResult> {
  const [c] = await tx<
    {
      datanet_id: string;
      contributor_account_id: string;
      status: CastVoteResult['status'];
      min_stake: string;
    }[]
  >`
      select c.datanet_id, c.contributor_account_id, c.status, d.min_stake
      from contributions c join datanets d on d.id = c.datanet_id
      where c.id = ${p.contributionId} for update of c`;
  if (!c) throw notFound('Contribution', p.contributionId);
  if (c.contributor_account_id === p.accountId) throw forbidden('You cannot vote on your own contribution.');

  const [prior] = await tx<{ approve: boolean; weight: string }[]>`
      select approve, weight from votes where contribution_id = ${p.contributionId} and validator_account_id = ${p.accountId}`;
  if (prior) {
    if (prior.approve !== p.approve) {
      throw new AppError(
        'CONFLICT',
        `You already voted to ${prior.approve ? 'approve' : 'reject'} this; votes are final.`,
      );
    }
    return {
      contributionId: p.contributionId,
      approve: p.approve,
      weight: BigInt(prior.weight),
      replayed: true,
      status: c.status,
      outcome: null,
    };
  }
  if (c.status !== 'pending') {
    throw new AppError(
      'INVALID_STATE',
      `This contribution is already ${c.status}; there is nothing left to vote on.`,
    );
  }
  const [stake] = await tx<{ amount: string }[]>`
      select amount from validator_stakes where datanet_id = ${c.datanet_id} and account_id = ${p.accountId} for share`;
  const weight = BigInt(stake?.amount ?? 0);
  if (weight < BigInt(c.min_stake)) {
    throw forbidden(
      `Only validators can vote here: stake at least ${formatTokens(BigInt(c.min_stake))} tokens on this datanet first.`,
      { minStake: c.min_stake },
    );
  }
  await tx`
      insert into votes (contribution_id, validator_account_id, approve, weight, reason)
      values (${p.contributionId}, ${p.accountId}, ${p.approve}, ${weight.toString()}, ${p.reason ?? null})`;
  const outcome = await decideIfReady(tx, deps, p.contributionId);
  return {
    contributionId: p.contributionId,
    approve: p.approve,
    weight,
    replayed: false,
    status: outcome ? (outcome.approved ? 'approved' : 'rejected') : 'pending',
    outcome,
  };
}
