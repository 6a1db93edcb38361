import type { Hex } from 'viem';
import { vaultAbi } from '../chain/abis.ts';
import type { ChainPort } from '../chain/openChain.ts';
import { nextNonce } from '../chain/outbox/replayOutbox.ts';
import { toChainError } from '../chain/toChainError.ts';
import type { Deps } from '../shared/deps.ts';
import { loadEpochTree } from './loadEpochTree.ts';

/**
 * Re-submits, on a freshly started embedded chain, the claims paid in `epoch` (its root was just
 * re-posted), so the vault's claimed totals and the wallets' tokens match the database again.
 */
export async function replayEpochClaims(deps: Deps, chain: ChainPort, epoch: number): Promise<number> {
  const claims = await deps.sql<{ wallet: Hex; cumulative: string }[]>`
    select wallet, cumulative from reward_claims where epoch = ${epoch} order by wallet, cumulative`;
  const tree = claims.length > 0 ? await loadEpochTree(deps.sql, epoch) : null;
  let replayed = 0;
  for (const claim of claims) {
    const leaf = tree?.leafOf(claim.wallet);
    if (!leaf || leaf.cumulative !== BigInt(claim.cumulative)) continue;
    try {
      const hash = await chain.walletClient.writeContract({
        address: chain.addresses.vault,
        abi: vaultAbi,
        functionName: 'claim',
        args: [BigInt(epoch), claim.wallet, leaf.cumulative, leaf.proof],
        nonce: await nextNonce(chain),
      });
      await chain.publicClient.waitForTransactionReceipt({ hash });
      replayed += 1;
    } catch (err) {
      deps.log.error('claim replay failed', {
        epoch,
        wallet: claim.wallet,
        error: toChainError(err, 'Replaying a claim').message,
      });
    }
  }
  return replayed;
}
