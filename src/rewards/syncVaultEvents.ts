import { vaultAbi } from '../chain/abis.ts';
import { readChainCursor, saveChainCursor } from '../chain/chainStore.ts';
import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { creditDeposit } from './creditDeposit.ts';
import { recordClaim } from './recordClaim.ts';

export interface SyncVaultEventsResult {
  fromBlock: bigint;
  /** Last block processed; blocks after it are younger than CHAIN_CONFIRMATIONS. */
  toBlock: bigint;
  deposits: number;
  claims: number;
}

const CURSOR = 'vault_events';

/**
 * Reads the vault's Deposited and Claimed events from the block after the stored cursor up to the newest
 * block with CHAIN_CONFIRMATIONS confirmations, in chunks of CHAIN_LOG_BLOCK_RANGE. Each chunk's
 * credits, claim settlements and the cursor advance commit together, and each event is applied
 * idempotently, so a crash or a rescan never credits twice. A new chain instance (an embedded chain
 * after a restart) starts from its own first block.
 */
export async function syncVaultEvents(deps: Deps): Promise<SyncVaultEventsResult> {
  const chain = deps.chain;
  if (!chain) throw new AppError('UNAVAILABLE', 'No chain is configured.');
  const cursor = await readChainCursor(deps.sql, CURSOR);
  const first = cursor && cursor.chainKey === chain.key ? cursor.lastBlock + 1n : chain.startBlock;
  const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  const safe = head - BigInt(chain.confirmations) + 1n;
  const result: SyncVaultEventsResult = { fromBlock: first, toBlock: first - 1n, deposits: 0, claims: 0 };
  for (let from = first; from <= safe; ) {
    const to =
      from + deps.config.chain.logBlockRange - 1n < safe ? from + deps.config.chain.logBlockRange - 1n : safe;
    const logs = await chain.publicClient.getContractEvents({
      address: chain.addresses.vault,
      abi: vaultAbi,
      fromBlock: from,
      toBlock: to,
      strict: true,
    });
    logs.sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    );
    await deps.sql.begin(async (tx) => {
      for (const log of logs) {
        if (log.eventName === 'Deposited') {
          const done = await creditDeposit(tx, deps, chain.key, {
            txHash: log.transactionHash,
            logIndex: log.logIndex,
            blockNumber: log.blockNumber,
            accountRef: log.args.accountRef,
            from: log.args.from,
            amount: log.args.amount,
          });
          if (done === 'credited') result.deposits += 1;
        } else if (log.eventName === 'Claimed') {
          const done = await recordClaim(tx, deps, chain.key, {
            wallet: log.args.account,
            epoch: log.args.epoch,
            cumulativeAmount: log.args.cumulativeAmount,
            txHash: log.transactionHash,
            logIndex: log.logIndex,
            blockNumber: log.blockNumber,
          });
          if (done === 'recorded') result.claims += 1;
        }
      }
      await saveChainCursor(tx, { name: CURSOR, chainKey: chain.key, lastBlock: to, at: deps.now() });
    });
    result.toBlock = to;
    from = to + 1n;
  }
  return result;
}
