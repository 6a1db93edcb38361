import type { Address, Hex } from 'viem';
import { z } from 'zod';
import { vaultAbi } from '../chain/abis.ts';
import { toChainError } from '../chain/toChainError.ts';
import { AppError, invalidState } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withIdempotencyAround } from '../shared/withIdempotency.ts';
import { getClaim } from './getClaim.ts';
import { syncVaultEvents } from './syncVaultEvents.ts';

const params = z.object({
  accountId: idSchema,
  /** Optional: a retry with the same key replays the first result; another request with it is a CONFLICT. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export interface SubmitClaimResult {
  wallet: Address;
  epoch: number;
  amount: bigint;
  cumulativeAmount: bigint;
  txHash: Hex;
}

/**
 * Embedded chain only: sends the caller's claim for them (the vault pays the leaf's wallet whoever
 * sends it), waits for it, and applies the Claimed event to the ledger. On a real chain the user claims
 * from their own wallet with `getClaim`'s proof; the service does not pay their gas.
 */
export async function submitClaim(deps: Deps, input: z.input<typeof params>): Promise<SubmitClaimResult> {
  const p = parseInput(params, input);
  const relayer = deps.chain?.relayer;
  if (!deps.chain || !relayer) {
    throw new AppError(
      'FORBIDDEN',
      'Claim from your wallet with the proof from getClaim; this server only relays claims on its embedded chain.',
    );
  }
  const scope = { accountId: p.accountId, key: p.idempotencyKey, operation: 'claim', request: p };
  // The chain transaction is awaited outside any database transaction (the embedded database has one connection).
  const { result } = await withIdempotencyAround(deps.sql, scope, () => relayClaim(deps, p));
  return result;
}

async function relayClaim(deps: Deps, p: z.output<typeof params>): Promise<SubmitClaimResult> {
  const chain = deps.chain;
  const relayer = chain?.relayer;
  if (!chain || !relayer) throw new AppError('UNAVAILABLE', 'No chain relayer is configured.');
  const claim = await getClaim(deps, { accountId: p.accountId });
  if (claim.amount === 0n)
    throw invalidState('Nothing to claim yet: new earnings become claimable after the next epoch settles.');
  let txHash: Hex;
  try {
    txHash = await relayer.writeContract({
      address: chain.addresses.vault,
      abi: vaultAbi,
      functionName: 'claim',
      args: [BigInt(claim.epoch), claim.wallet, claim.cumulativeAmount, claim.proof],
    });
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: txHash });
    if (receipt.status !== 'success') throw new Error(`claim transaction ${txHash} reverted`);
  } catch (err) {
    throw toChainError(err, 'Claiming rewards', { wallet: claim.wallet, epoch: claim.epoch });
  }
  await syncVaultEvents(deps);
  deps.log.info('claim relayed', {
    accountId: p.accountId,
    wallet: claim.wallet,
    amount: claim.amount,
    txHash,
  });
  return {
    wallet: claim.wallet,
    epoch: claim.epoch,
    amount: claim.amount,
    cumulativeAmount: claim.cumulativeAmount,
    txHash,
  };
}
