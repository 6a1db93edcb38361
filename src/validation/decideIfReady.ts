import type postgres from 'postgres';
import { contributionsTable, markDecided } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import { AppError } from '../errors.ts';
import { lockDecisionAccounts } from '../ledger/ledgerStore.ts';
import { type LedgerLeg, postTransaction } from '../ledger/postTransaction.ts';
import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import type { Deps } from '../shared/deps.ts';
import { goldStanding } from './goldStanding.ts';
import { voteCommitment, votesCommitment } from './sealVote.ts';

export interface Outcome {
  contributionId: string;
  approved: boolean;
  approveWeight: bigint;
  rejectWeight: bigint;
  votes: number;
  /** Validation reward paid from the datanet pool to the winning side. */
  rewardPaid: bigint;
  /** Stake the losing side forfeited (the datanet's loss_bps of the stake each voted with). */
  penalties: bigint;
  /** sha256 over the sealed votes' commitments: what the decision was made from. */
  votesCommitment: string;
  /** Decided when its review window closed, by the votes present, rather than at quorum. */
  expired: boolean;
  /** What each winning validator received (reward, deposit and penalty shares). */
  payouts: { accountId: string; amount: bigint }[];
  /** What each losing validator forfeited from their stake. */
  forfeits: { accountId: string; amount: bigint }[];
}

interface VoteRow {
  account_id: string;
  approve: boolean;
  weight: string;
  salt: string | null;
  commitment: string | null;
}

/**
 * Called with the contribution row locked. At quorum (or, with `windowClosed`, on the votes
 * present) when one side holds the approval threshold of the stake weight, decides and pays,
 * once: the row lock and the `pending` check make a second decision impossible. Votes are
 * revealed here: each must still match the commitment written when it was cast.
 */
export async function decideIfReady(
  tx: postgres.TransactionSql,
  deps: Deps,
  contributionId: string,
  opts: { windowClosed?: boolean } = {},
): Promise<Outcome | null> {
  const [t] = await tx<
    {
      quorum_votes: number;
      approval_bps: number;
      loss_bps: number;
      expiry_decides: boolean;
      datanet_id: string;
      contributor_account_id: string;
      deposit: string;
      validation_reward: string;
    }[]
  >`
    select d.quorum_votes, d.approval_bps, d.loss_bps, d.expiry_decides, c.datanet_id, c.contributor_account_id,
      c.deposit, d.validation_reward
    from ${contributionsTable(tx)} c join ${datanetsTable(tx)} d on d.id = c.datanet_id
    where c.id = ${contributionId} and c.status = 'pending' and c.gold_answer is null`;
  if (!t) return null;
  const votes = await tx<VoteRow[]>`
    select validator_account_id as account_id, approve, weight, salt, commitment from votes
    where contribution_id = ${contributionId} order by validator_account_id`;
  const weightOf = (side: boolean) =>
    votes.filter((v) => v.approve === side).reduce((s, v) => s + BigInt(v.weight), 0n);
  const approveW = weightOf(true);
  const rejectW = weightOf(false);
  const total = approveW + rejectW;
  if (total === 0n) return null;
  if (opts.windowClosed ? !t.expiry_decides : votes.length < t.quorum_votes) return null;
  const bps = BigInt(t.approval_bps);
  const approved = approveW * 10_000n >= bps * total;
  const rejected = !approved && rejectW * 10_000n >= bps * total;
  if (!approved && !rejected) return null;

  const commitments = votes.map((v) => {
    const sealed = {
      contributionId,
      validatorAccountId: v.account_id,
      approve: v.approve,
      weight: BigInt(v.weight),
    };
    if (v.commitment !== null && (v.salt === null || voteCommitment(sealed, v.salt) !== v.commitment)) {
      throw new AppError(
        'CONFLICT',
        `A vote on contribution #${contributionId} does not match its commitment.`,
        {
          contributionId,
        },
      );
    }
    return v.commitment ?? voteCommitment(sealed, '');
  });

  const winners = votes.filter((v) => v.approve === approved);
  const losers = votes.filter((v) => v.approve !== approved);
  const penalties = await takePenalties(tx, t.datanet_id, losers, BigInt(t.loss_bps));
  const standing = await goldStanding(
    tx,
    t.datanet_id,
    winners.map((w) => w.account_id),
    deps.now(),
  );
  const eligible = winners.filter((w) => !standing.get(w.account_id)?.suspended);

  // Every ledger row this decision posts to, locked up front in id order (the order ledger_post and
  // inference settlement lock in), so reading the pool balance first cannot invert the lock order.
  const owners = [t.contributor_account_id, ...eligible.map((w) => w.account_id)];
  const locked = await lockDecisionAccounts(tx, {
    datanetId: t.datanet_id,
    systemIds: [deps.system.escrow, deps.system.stakes],
    owners,
  });
  const pool = locked.find((a) => a.kind === 'pool')!;
  const rate = BigInt(t.validation_reward);
  // Nobody eligible to earn: the reward stays in the pool and what the losers forfeit goes to it.
  const reward = eligible.length === 0 ? 0n : rate < BigInt(pool.balance) ? rate : BigInt(pool.balance);
  const deposit = BigInt(t.deposit);
  const forfeited = approved ? 0n : deposit;
  const pot = reward + forfeited + penalties.total;
  const shares = splitLargestRemainder(
    pot,
    eligible.map((w) => BigInt(w.weight)),
  );

  const legs: LedgerLeg[] = [];
  if (reward > 0n) legs.push({ ledgerAccountId: pool.id, amount: -reward });
  if (deposit > 0n) legs.push({ ledgerAccountId: deps.system.escrow, amount: -deposit });
  if (approved && deposit > 0n) legs.push({ ownerAccountId: t.contributor_account_id, amount: deposit });
  if (penalties.total > 0n) legs.push({ ledgerAccountId: deps.system.stakes, amount: -penalties.total });
  if (eligible.length === 0 && pot > 0n) legs.push({ ledgerAccountId: pool.id, amount: pot });
  const payouts: Outcome['payouts'] = [];
  for (const [i, w] of eligible.entries()) {
    if (shares[i] === 0n) continue;
    payouts.push({ accountId: w.account_id, amount: shares[i] });
    legs.push({ ownerAccountId: w.account_id, amount: shares[i], role: 'validator' });
  }
  let txId: string | null = null;
  if (legs.length >= 2) {
    ({ txId } = await postTransaction(tx, {
      kind: approved ? 'validation_approved' : 'validation_rejected',
      idempotencyKey: `outcome:${contributionId}`,
      memo: { contributionId, datanetId: t.datanet_id },
      legs,
    }));
  }
  const perVote = [
    ...payouts.map((p) => ({ account_id: p.accountId, paid: p.amount.toString(), penalty: '0' })),
    ...penalties.each.map((p) => ({ account_id: p.accountId, paid: '0', penalty: p.amount.toString() })),
  ];
  if (perVote.length > 0) {
    await tx`
      update votes v set paid = x.paid::numeric, penalty = x.penalty::numeric
      from jsonb_to_recordset(${tx.json(perVote as never)}) as x(account_id bigint, paid text, penalty text)
      where v.contribution_id = ${contributionId} and v.validator_account_id = x.account_id`;
  }
  const status = approved ? 'approved' : 'rejected';
  const commitment = votesCommitment(commitments);
  const expired = opts.windowClosed === true;
  await markDecided(tx, contributionId, status, deps.now());
  await tx`
    insert into validation_outcomes (contribution_id, datanet_id, approved, approve_weight, reject_weight, votes,
      reward_paid, ledger_tx_id, votes_commitment, penalties, expired)
    values (${contributionId}, ${t.datanet_id}, ${approved}, ${approveW.toString()}, ${rejectW.toString()},
      ${votes.length}, ${reward.toString()}, ${txId}, ${commitment}, ${penalties.total.toString()}, ${expired})`;
  // The outcome waits for its datanet's next validation batch (see anchoring/batchValidationOutcomes).
  await deps.anchoring.queueOutcome(tx, contributionId, t.datanet_id);
  return {
    contributionId,
    approved,
    approveWeight: approveW,
    rejectWeight: rejectW,
    votes: votes.length,
    rewardPaid: reward,
    penalties: penalties.total,
    votesCommitment: commitment,
    expired,
    payouts,
    forfeits: penalties.each,
  };
}

/**
 * The losing side forfeits loss_bps of the stake it voted with, capped at what is still staked
 * (earlier losses may have taken some). Rows are locked in account order with a lock that a vote's
 * key-share lock on its own stake does not wait for, so deciding and voting never deadlock.
 */
async function takePenalties(
  tx: postgres.TransactionSql,
  datanetId: string,
  losers: readonly VoteRow[],
  lossBps: bigint,
): Promise<{ total: bigint; each: { accountId: string; amount: bigint }[] }> {
  const each: { accountId: string; amount: bigint }[] = [];
  if (lossBps === 0n || losers.length === 0) return { total: 0n, each };
  const stakes = await tx<{ account_id: string; amount: string }[]>`
    select account_id, amount from validator_stakes
    where datanet_id = ${datanetId} and account_id = any(${losers.map((l) => l.account_id)}::bigint[])
    order by account_id for no key update`;
  const staked = new Map(stakes.map((s) => [s.account_id, BigInt(s.amount)]));
  for (const l of losers) {
    const due = (BigInt(l.weight) * lossBps) / 10_000n;
    const have = staked.get(l.account_id) ?? 0n;
    const amount = due < have ? due : have;
    if (amount > 0n) each.push({ accountId: l.account_id, amount });
  }
  if (each.length > 0) {
    await tx`
      update validator_stakes s set amount = s.amount - x.amount::numeric, updated_at = now()
      from jsonb_to_recordset(${tx.json(each.map((e) => ({ account_id: e.accountId, amount: e.amount.toString() })) as never)})
        as x(account_id bigint, amount text)
      where s.datanet_id = ${datanetId} and s.account_id = x.account_id`;
  }
  return { total: each.reduce((s, e) => s + e.amount, 0n), each };
}
