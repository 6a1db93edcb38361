import type postgres from 'postgres';
import { type LedgerLeg, postTransaction } from '../ledger/postTransaction.ts';
import { splitLargestRemainder } from '../ledger/splitLargestRemainder.ts';
import type { Deps } from '../shared/deps.ts';

export interface Outcome {
  contributionId: string;
  approved: boolean;
  approveWeight: bigint;
  rejectWeight: bigint;
  votes: number;
  /** Validation reward paid from the datanet pool to the winning side. */
  rewardPaid: bigint;
  /** What each winning validator received (reward share plus, on rejection, deposit share). */
  payouts: { accountId: string; amount: bigint }[];
}

/**
 * Called with the contribution row locked, after a vote. When quorum is met and one side holds at
 * least the approval threshold of the stake weight, decides and pays, once: the row lock and the
 * `pending` check make a second decision impossible.
 */
export async function decideIfReady(
  tx: postgres.TransactionSql,
  deps: Deps,
  contributionId: string,
): Promise<Outcome | null> {
  const [t] = await tx<
    {
      votes: string;
      approve_w: string;
      reject_w: string;
      quorum_votes: number;
      approval_bps: number;
      datanet_id: string;
      contributor_account_id: string;
      deposit: string;
      validation_reward: string;
    }[]
  >`
    select count(v.*) as votes,
      coalesce(sum(v.weight) filter (where v.approve), 0) as approve_w,
      coalesce(sum(v.weight) filter (where not v.approve), 0) as reject_w,
      d.quorum_votes, d.approval_bps, c.datanet_id, c.contributor_account_id, c.deposit, d.validation_reward
    from contributions c join datanets d on d.id = c.datanet_id
    left join votes v on v.contribution_id = c.id
    where c.id = ${contributionId} and c.status = 'pending'
    group by c.id, d.id`;
  if (!t) return null;
  const votes = Number(t.votes);
  const approveW = BigInt(t.approve_w);
  const rejectW = BigInt(t.reject_w);
  const total = approveW + rejectW;
  if (votes < t.quorum_votes || total === 0n) return null;
  const bps = BigInt(t.approval_bps);
  const approved = approveW * 10_000n >= bps * total;
  const rejected = !approved && rejectW * 10_000n >= bps * total;
  if (!approved && !rejected) return null;

  const winners = await tx<{ account_id: string; weight: string }[]>`
    select validator_account_id as account_id, weight from votes
    where contribution_id = ${contributionId} and approve = ${approved} order by validator_account_id`;
  const [pool] = await tx<{ id: string; balance: string }[]>`
    select id, balance from ledger_accounts where datanet_id = ${t.datanet_id} and kind = 'pool' for update`;
  const rate = BigInt(t.validation_reward);
  const reward = rate < BigInt(pool.balance) ? rate : BigInt(pool.balance);
  const deposit = BigInt(t.deposit);
  const forfeited = approved ? 0n : deposit;
  const weights = winners.map((w) => BigInt(w.weight));
  const shares = splitLargestRemainder(reward + forfeited, weights);

  const legs: LedgerLeg[] = [];
  if (reward > 0n) legs.push({ ledgerAccountId: pool.id, amount: -reward });
  if (deposit > 0n) legs.push({ ledgerAccountId: deps.system.escrow, amount: -deposit });
  if (approved && deposit > 0n) {
    legs.push({ ownerAccountId: t.contributor_account_id, amount: deposit });
  }
  const payouts: Outcome['payouts'] = [];
  for (let i = 0; i < winners.length; i++) {
    if (shares[i] === 0n) continue;
    payouts.push({ accountId: winners[i].account_id, amount: shares[i] });
    legs.push({
      ownerAccountId: winners[i].account_id,
      amount: shares[i],
      role: 'validator',
    });
  }
  let txId: string | null = null;
  if (legs.length >= 2) {
    ({ txId } = await postTransaction(tx, {
      kind: approved ? 'validation_approved' : 'validation_rejected',
      idempotencyKey: `outcome:${contributionId}`,
      memo: { contributionId },
      legs,
    }));
  }
  const status = approved ? 'approved' : 'rejected';
  await tx`update contributions set status = ${status}, decided_at = ${deps.now()} where id = ${contributionId}`;
  await tx`
    insert into validation_outcomes (contribution_id, datanet_id, approved, approve_weight, reject_weight, votes, reward_paid, ledger_tx_id)
    values (${contributionId}, ${t.datanet_id}, ${approved}, ${approveW.toString()}, ${rejectW.toString()}, ${votes},
      ${reward.toString()}, ${txId})`;
  return {
    contributionId,
    approved,
    approveWeight: approveW,
    rejectWeight: rejectW,
    votes,
    rewardPaid: reward,
    payouts,
  };
}
