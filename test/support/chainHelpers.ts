import type { Hex, PrivateKeyAccount } from 'viem';
import type { App } from '../../src/app.ts';
import { registryAbi } from '../../src/chain/abis.ts';
import type { ChainPort } from '../../src/chain/openChain.ts';
import type { LedgerRole } from '../../src/ledger/postTransaction.ts';
import { postTransaction } from '../../src/ledger/postTransaction.ts';

/** The app's chain port; fails the test if the app has none. */
export function chainOf(app: App): ChainPort {
  if (!app.deps.chain) throw new Error('the app has no chain');
  return app.deps.chain;
}

/** Links `wallet` to the account the way a user would: start, sign the SIWE message, finish. */
export async function linkWallet(app: App, accountId: string, wallet: PrivateKeyAccount) {
  const { message } = await app.wallets.startLink({ accountId, address: wallet.address });
  const signature = await wallet.signMessage({ message });
  return app.wallets.finishLink({ accountId, message, signature });
}

let earning = 0;
/**
 * Credits earnings for a role straight in the ledger (from the faucet system account), standing in for
 * a validation reward or an inference split, which settlement treats the same way.
 */
export async function earn(app: App, accountId: string, amount: bigint, role: LedgerRole = 'contributor') {
  earning += 1;
  await postTransaction(app.deps.sql, {
    kind: 'test_earning',
    idempotencyKey: `test-earning:${process.pid}:${earning}:${accountId}`,
    legs: [
      { ledgerAccountId: app.deps.system.faucet, amount: -amount },
      { ownerAccountId: accountId, amount, role },
    ],
  });
}

/** Runs outbox passes until no row is pending or in flight (each pass is bounded). */
export async function drainOutbox(app: App, passes = 20): Promise<void> {
  for (let i = 0; i < passes; i++) {
    await app.chain.runOutboxOnce({ forceBatches: true });
    const [left] = await app.deps.sql<{ n: string }[]>`
      select count(*) as n from chain_outbox where status in ('pending', 'submitted')`;
    const [queued] = await app.deps.sql<{ n: string }[]>`
      select (select count(*) from contribution_anchor_queue) + (select count(*) from validation_anchor_queue) as n`;
    if (Number(left.n) === 0 && Number(queued.n) === 0) return;
  }
  throw new Error('the outbox did not drain');
}

/** How many ContributionBatchAnchored events the registry emitted for a batch ref. */
export async function anchorEvents(chain: ChainPort, batchRef: Hex): Promise<number> {
  const logs = await chain.publicClient.getContractEvents({
    address: chain.addresses.registry,
    abi: registryAbi,
    eventName: 'ContributionBatchAnchored',
    args: { batchId: batchRef },
    fromBlock: 0n,
  });
  return logs.length;
}
