import type { Hex } from 'viem';
import type { Deps } from '../../shared/deps.ts';
import type { ChainPort } from '../openChain.ts';
import { toChainError } from '../toChainError.ts';
import { outboxCall } from './outboxCall.ts';
import { signChainWrite } from './signChainWrite.ts';

export interface ReplayResult {
  rows: number;
  claims: number;
  failed: number;
}

export interface ReplayHooks {
  /**
   * After an epoch root is re-posted: re-submits the claims paid in that epoch (rewards owns them)
   * and says how many landed. The chain port knows nothing of claims, so the app passes this in.
   */
  replayClaims?: (chain: ChainPort, epoch: number) => Promise<number>;
}

/**
 * Rebuilds on-chain state on a freshly started embedded chain (which keeps nothing between boots):
 * every outbox row that reached the old chain is sent again in id order and re-recorded with its new
 * transaction, and after each epoch root the claims paid in that epoch are re-submitted, so the vault's
 * claimed totals (and the wallets' tokens) match the database. Runs at boot, before anything else
 * touches the chain; rows still pending are left to the worker.
 */
export async function replayOutbox(deps: Deps, hooks: ReplayHooks = {}): Promise<ReplayResult> {
  const chain = deps.chain;
  const result: ReplayResult = { rows: 0, claims: 0, failed: 0 };
  if (!chain?.needsReplay) return result;
  let after = '0';
  for (;;) {
    const rows = await deps.sql<{ id: string; kind: string; payload: { epoch?: number } }[]>`
      select id, kind, payload from chain_outbox
      where status in ('confirmed', 'submitted') and id > ${after} order by id limit 500`;
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      try {
        const signed = await signChainWrite(
          chain,
          deps.config.chain,
          outboxCall(row.kind, row.payload, chain.addresses),
          await nextNonce(chain),
        );
        const receipt = await send(chain, signed.rawTx);
        await deps.sql`
          update chain_outbox set status = ${receipt.status === 'success' ? 'confirmed' : 'failed'},
            tx_hash = ${signed.hash}, nonce = ${signed.nonce}, raw_tx = ${signed.rawTx},
            signer = ${signed.signer.toLowerCase()}, block_number = ${receipt.blockNumber.toString()},
            gas_used = ${receipt.gasUsed.toString()}, confirmed_at = ${deps.now()}, replays = replays + 1
          where id = ${row.id}`;
        if (receipt.status !== 'success') throw new Error('transaction reverted on chain');
        result.rows += 1;
      } catch (err) {
        // One bad row must not keep the service from starting; it is marked and logged loudly.
        const e = toChainError(err, `Replaying outbox ${row.kind} #${row.id}`);
        await deps.sql`update chain_outbox set status = 'failed', last_error = ${e.message} where id = ${row.id}`;
        deps.log.error('outbox replay failed', { outboxId: row.id, kind: row.kind, error: e.message });
        result.failed += 1;
        continue;
      }
      if (row.kind === 'post_reward_epoch' && row.payload.epoch !== undefined && hooks.replayClaims) {
        result.claims += await hooks.replayClaims(chain, row.payload.epoch);
      }
    }
  }
  // Events of the replay itself are history the database already has.
  chain.startBlock = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  chain.needsReplay = false;
  if (result.rows > 0) deps.log.info('outbox replayed onto the embedded chain', { ...result });
  return result;
}

/** The next nonce of the chain's signer, counting transactions still pending. */
export const nextNonce = (chain: ChainPort) =>
  chain.publicClient.getTransactionCount({
    address: chain.walletClient.account.address,
    blockTag: 'pending',
  });

async function send(chain: ChainPort, rawTx: Hex) {
  const hash = await chain.publicClient.sendRawTransaction({ serializedTransaction: rawTx });
  return chain.publicClient.waitForTransactionReceipt({ hash });
}
