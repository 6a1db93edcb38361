import type postgres from 'postgres';
import type { Address, Hex } from 'viem';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';

export interface ClaimedEvent {
  wallet: Address;
  epoch: bigint;
  cumulativeAmount: bigint;
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
}

/**
 * Moves what the vault paid a wallet from the 'rewards' holding account to 'settlement', once. The
 * vault's claimed total per wallet only rises, so (wallet, cumulative) names a claim whatever chain or
 * transaction reported it: the same claim seen twice (a rescan, an embedded-chain replay) moves nothing.
 * The amount moved is the rise over what the database already knew, not the event's own amount.
 */
export async function recordClaim(
  tx: postgres.TransactionSql,
  deps: Deps,
  chainKey: string,
  event: ClaimedEvent,
): Promise<'recorded' | 'already' | 'unknown'> {
  const wallet = event.wallet.toLowerCase();
  const [w] = await tx<{ claimed: string; committed: string }[]>`
    select claimed, committed from reward_wallets where wallet = ${wallet} for update`;
  if (!w) {
    deps.log.error('claim by a wallet with no commitments', { wallet, txHash: event.txHash });
    return 'unknown';
  }
  const already = BigInt(w.claimed);
  if (event.cumulativeAmount <= already) return 'already';
  const amount = event.cumulativeAmount - already;
  const { txId } = await postTransaction(tx, {
    kind: 'reward_claim',
    idempotencyKey: `reward_claim:${wallet}:${event.cumulativeAmount}`,
    memo: { wallet, epoch: event.epoch.toString(), txHash: event.txHash },
    legs: [
      { ledgerAccountId: deps.system.rewards, amount: -amount },
      { ledgerAccountId: deps.system.settlement, amount },
    ],
  });
  await tx`
    insert into reward_claims (wallet, cumulative, amount, epoch, chain_key, tx_hash, log_index, block_number, ledger_tx_id)
    values (${wallet}, ${event.cumulativeAmount.toString()}, ${amount.toString()}, ${event.epoch.toString()}, ${chainKey},
      ${event.txHash.toLowerCase()}, ${event.logIndex}, ${event.blockNumber.toString()}, ${txId})
    on conflict do nothing`;
  await tx`update reward_wallets set claimed = ${event.cumulativeAmount.toString()} where wallet = ${wallet}`;
  deps.log.info('reward claim settled', { wallet, amount, epoch: event.epoch });
  return 'recorded';
}
