import type { Hex } from 'viem';
import { linkedWallets } from '../accounts/accountStore.ts';
import { rewardTree } from '../anchoring/merkleTrees.ts';
import { outboxIdExpr } from '../chain/chainStore.ts';
import { enqueueChainWrite } from '../chain/outbox/enqueueChainWrite.ts';
import { lockAvailableWithEarned } from '../ledger/ledgerStore.ts';
import { type LedgerLeg, postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';

export interface SettleEpochResult {
  /** The new epoch, or null when nothing new was committed (no root is posted then). */
  epoch: number | null;
  root: Hex | null;
  /** Newly committed this epoch, over all accounts. */
  committed: bigint;
  accounts: number;
  /** Wallets in the tree: every wallet with anything committed and not yet claimed. */
  leaves: number;
}

const EARNING_ROLES = ['contributor', 'validator', 'developer'];

/**
 * Settles one epoch. For every account with a linked wallet, its earnings (ledger credits with role
 * contributor, validator or developer) not yet committed, capped by its available balance so nothing
 * is ever overdrawn, move from its available balance to the 'rewards' holding account — they cannot be
 * spent twice — and are added to its wallet's cumulative total. The tree over (wallet, cumulative) for
 * every wallet with an unclaimed remainder is stored, and its root is posted to the vault through the
 * outbox in the same transaction (preceded on the embedded chain by minting the new tokens into the
 * vault). One settlement at a time (advisory lock); runs on each epoch boundary (the
 * rewards.settleEpoch job, through settleDueEpoch), or on demand.
 */
export async function settleEpoch(deps: Deps): Promise<SettleEpochResult> {
  return deps.sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('potluck:settle-epoch'))`;
    // Locking the balances (in id order, like ledger_post) keeps a concurrent spend from racing the cap.
    // Only accounts with a linked wallet can be paid on chain.
    const walletOf = new Map((await linkedWallets(tx)).map((w) => [w.accountId, w.wallet]));
    const locked = await lockAvailableWithEarned(tx, [...walletOf.keys()], EARNING_ROLES);
    const committedRows = await tx<{ account_id: string; committed: string }[]>`
      select account_id, sum(amount) as committed from reward_commitments
      where account_id = any(${locked.map((l) => l.account_id)}::bigint[]) group by account_id`;
    const committedOf = new Map(committedRows.map((c) => [c.account_id, c.committed]));
    const accounts = locked.map((l) => ({
      ...l,
      wallet: walletOf.get(l.account_id) as string,
      committed: committedOf.get(l.account_id) ?? '0',
    }));
    const commits = accounts
      .map((a) => {
        const uncommitted = BigInt(a.earned) - BigInt(a.committed);
        const balance = BigInt(a.balance);
        return { ...a, amount: uncommitted < balance ? uncommitted : balance };
      })
      .filter((c) => c.amount > 0n);
    const none: SettleEpochResult = { epoch: null, root: null, committed: 0n, accounts: 0, leaves: 0 };
    if (commits.length === 0) return none;

    const [last] = await tx<{ epoch: string | null }[]>`select max(epoch) as epoch from reward_epochs`;
    const epoch = Number(last.epoch ?? 0) + 1;
    const total = commits.reduce((s, c) => s + c.amount, 0n);
    const legs: LedgerLeg[] = commits.map((c) => ({
      ledgerAccountId: c.ledger_account_id,
      amount: -c.amount,
    }));
    legs.push({ ledgerAccountId: deps.system.rewards, amount: total });
    const { txId } = await postTransaction(tx, {
      kind: 'reward_epoch',
      idempotencyKey: `reward_epoch:${epoch}`,
      memo: { epoch, accounts: commits.length },
      legs,
    });

    await tx`
      insert into reward_wallets (wallet, committed)
      select w, sum(a) from unnest(${commits.map((c) => c.wallet)}::text[], ${commits.map((c) => c.amount.toString())}::numeric[]) as u(w, a)
      group by w
      on conflict (wallet) do update set committed = reward_wallets.committed + excluded.committed`;
    const leaves = await tx<{ wallet: Hex; cumulative: string }[]>`
      select wallet, committed as cumulative from reward_wallets where committed > claimed order by wallet`;
    const tree = rewardTree(
      leaves.map((l) => ({ account: l.wallet, cumulativeAmount: BigInt(l.cumulative) })),
    );
    const root = tree.root as Hex;

    await tx`
      insert into reward_epochs (epoch, root, leaf_count, committed, ledger_tx_id, settled_at)
      values (${epoch}, ${root}, ${leaves.length}, ${total.toString()}, ${txId}, ${deps.now()})`;
    await tx`
      insert into reward_commitments (epoch, account_id, wallet, amount)
      select ${epoch}, a, w, m
      from unnest(${commits.map((c) => c.account_id)}::bigint[], ${commits.map((c) => c.wallet)}::text[],
        ${commits.map((c) => c.amount.toString())}::numeric[]) as u(a, w, m)`;
    await tx`
      insert into reward_epoch_leaves (epoch, wallet, cumulative)
      select ${epoch}, w, c from unnest(${leaves.map((l) => l.wallet)}::text[], ${leaves.map((l) => l.cumulative)}::numeric[]) as u(w, c)`;

    // The embedded chain's vault holds only what the service mints; a real vault holds the deposits.
    if (deps.chain?.kind === 'embedded') {
      await enqueueChainWrite(tx, {
        kind: 'fund_vault',
        dedupeKey: `fund_vault:${epoch}`,
        payload: { epoch, amount: total.toString() },
      });
    }
    await enqueueChainWrite(tx, {
      kind: 'post_reward_epoch',
      dedupeKey: `post_reward_epoch:${epoch}`,
      payload: { epoch, root },
    });
    await tx`
      update reward_epochs set outbox_id = ${outboxIdExpr(tx, `post_reward_epoch:${epoch}`)}
      where epoch = ${epoch}`;
    deps.log.info('reward epoch settled', {
      epoch,
      committed: total,
      accounts: commits.length,
      leaves: leaves.length,
    });
    return { epoch, root, committed: total, accounts: commits.length, leaves: leaves.length };
  });
}
