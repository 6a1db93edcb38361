import type { TransactionSql } from 'postgres';
import { z } from 'zod';
import type { Contribution } from '../contributions/contributionStore.ts';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { formatTokens } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withOptionalIdempotency } from '../shared/withIdempotency.ts';
import { decideIfReady, type Outcome } from './decideIfReady.ts';
import { newSalt, voteCommitment } from './sealVote.ts';

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
  status: Contribution['status'];
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
      gold_answer: boolean | null;
      window_closed: boolean;
    }[]
  >`
      select c.datanet_id, c.contributor_account_id, c.status, d.min_stake, c.gold_answer,
        c.created_at + make_interval(secs => d.review_window_seconds) <= ${deps.now()} as window_closed
      from ${contributionsTable(tx)} c join ${datanetsTable(tx)} d on d.id = c.datanet_id
      where c.id = ${p.contributionId} for update of c`;
  if (!c) throw notFound('Contribution', p.contributionId);
  if (c.contributor_account_id === p.accountId) throw forbidden('You cannot vote on your own contribution.');

  // Gold items look like any other item to the validator: same refusals, same answer.
  const [prior] = await tx<{ approve: boolean; weight: string | null }[]>`
      select approve, weight from votes where contribution_id = ${p.contributionId} and validator_account_id = ${p.accountId}
      union all
      select approve, null from gold_votes where contribution_id = ${p.contributionId} and validator_account_id = ${p.accountId}`;
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
      weight: BigInt(prior.weight ?? (await stakeOf(tx, c.datanet_id, p.accountId))),
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
  if (c.window_closed && c.gold_answer === null) {
    throw new AppError('INVALID_STATE', 'The review window for this contribution has closed.');
  }
  const weight = await stakeOf(tx, c.datanet_id, p.accountId);
  if (weight < BigInt(c.min_stake)) {
    throw forbidden(
      `Only validators can vote here: stake at least ${formatTokens(BigInt(c.min_stake))} tokens on this datanet first.`,
      { minStake: c.min_stake },
    );
  }
  if (c.gold_answer !== null) {
    await tx`
      insert into gold_votes (contribution_id, validator_account_id, datanet_id, approve, correct, created_at)
      values (${p.contributionId}, ${p.accountId}, ${c.datanet_id}, ${p.approve}, ${p.approve === c.gold_answer}, ${deps.now()})`;
    return {
      contributionId: p.contributionId,
      approve: p.approve,
      weight,
      replayed: false,
      status: 'pending',
      outcome: null,
    };
  }
  const salt = newSalt();
  const commitment = voteCommitment(
    { contributionId: p.contributionId, validatorAccountId: p.accountId, approve: p.approve, weight },
    salt,
  );
  await tx`
      insert into votes (contribution_id, validator_account_id, approve, weight, reason, salt, commitment)
      values (${p.contributionId}, ${p.accountId}, ${p.approve}, ${weight.toString()}, ${p.reason ?? null}, ${salt}, ${commitment})`;
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

/**
 * Key-share lock: an unstake (for update) waits for this vote, while a decision taking a penalty
 * from this stake (no key update) does not, so votes and decisions never deadlock.
 */
async function stakeOf(tx: TransactionSql, datanetId: string, accountId: string): Promise<bigint> {
  const [stake] = await tx<{ amount: string }[]>`
      select amount from validator_stakes where datanet_id = ${datanetId} and account_id = ${accountId} for key share`;
  return BigInt(stake?.amount ?? 0);
}
