import type { Hex } from 'viem';
import { z } from 'zod';
import { AppError, invalidState } from '../errors.ts';
import { type Claim, getClaim } from '../rewards/getClaim.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { readPageToken } from './readPageToken.ts';

const params = z.object({ token: z.string().min(1).max(200) });

/**
 * The claim page's proof, from the same `getClaim` as every surface. Refused before the wallet is
 * asked to send anything: nothing to claim, the epoch's amount already claimed, or a claim of this
 * wallet and epoch already sent from a page and not known to have failed.
 */
export async function prepareWalletPageClaim(deps: Deps, input: z.input<typeof params>): Promise<Claim> {
  const p = parseInput(params, input);
  const page = await readPageToken(deps.sql, p.token, 'claim', deps.now());
  const claim = await getClaim(deps, { accountId: page.accountId });
  if (claim.amount === 0n) {
    if (claim.cumulativeAmount > 0n) {
      throw new AppError('CONFLICT', `Epoch ${claim.epoch} is already claimed by ${claim.wallet}.`, {
        epoch: claim.epoch,
      });
    }
    throw invalidState('Nothing to claim yet: new earnings become claimable after the next epoch settles.');
  }
  const sent = await deps.sql<{ claim_tx_hash: Hex }[]>`
    select claim_tx_hash from wallet_page_tokens
    where claim_wallet = ${claim.wallet.toLowerCase()} and claim_epoch = ${claim.epoch} and claim_tx_hash is not null`;
  for (const { claim_tx_hash: hash } of sent) {
    if (!(await failedOnChain(deps, hash))) {
      throw new AppError(
        'CONFLICT',
        `A claim for epoch ${claim.epoch} was already sent (${hash}); wait for it to confirm.`,
        { epoch: claim.epoch, txHash: hash },
      );
    }
  }
  return claim;
}

/** True only for a mined, reverted transaction: a pending or unknown one may still land. */
async function failedOnChain(deps: Deps, hash: Hex): Promise<boolean> {
  try {
    const receipt = await deps.chain!.publicClient.getTransactionReceipt({ hash });
    return receipt.status !== 'success';
  } catch {
    return false;
  }
}
