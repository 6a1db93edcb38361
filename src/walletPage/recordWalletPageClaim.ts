import { decodeFunctionData, type Hex, isAddressEqual } from 'viem';
import { z } from 'zod';
import { vaultAbi } from '../chain/abis.ts';
import { AppError, badInput } from '../errors.ts';
import { getClaim } from '../rewards/getClaim.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { readPageToken } from './readPageToken.ts';

const params = z.object({
  token: z.string().min(1).max(200),
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed transaction hash'),
});
export interface RecordWalletPageClaimResult {
  txHash: Hex;
  epoch: number;
  /** `<explorer>/tx/<hash>` where CHAIN_EXPLORER_URL is set. */
  explorerUrl: string | null;
}

/**
 * The claim page reports the transaction its wallet sent. It must be a `claim` on this vault for the
 * account's wallet; then the link is spent and the (wallet, epoch) is marked sent, so another claim
 * of the same epoch is refused before it reaches the chain (prepareWalletPageClaim).
 */
export async function recordWalletPageClaim(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<RecordWalletPageClaimResult> {
  const p = parseInput(params, input);
  const chain = deps.chain;
  if (!chain)
    throw new AppError('UNAVAILABLE', 'Claims need the chain, and none is configured on this server.');
  const page = await readPageToken(deps.sql, p.token, 'claim', deps.now());
  const claim = await getClaim(deps, { accountId: page.accountId });
  const hash = p.txHash.toLowerCase() as Hex;
  let sent: { to: Hex | null; input: Hex };
  try {
    sent = await chain.publicClient.getTransaction({ hash });
  } catch {
    throw badInput('No such transaction on this chain.', { field: 'txHash' });
  }
  const call = sent.to && isAddressEqual(sent.to, chain.addresses.vault) ? decodeClaim(sent.input) : null;
  if (!call || !isAddressEqual(call.args[1], claim.wallet)) {
    throw badInput("That transaction is not a claim for this account's wallet.", { field: 'txHash' });
  }
  const epoch = Number(call.args[0]);
  const [row] = await deps.sql<{ id: string }[]>`
    update wallet_page_tokens set used_at = ${deps.now()}, claim_wallet = ${claim.wallet.toLowerCase()},
      claim_epoch = ${epoch}, claim_tx_hash = ${hash}
    where id = ${page.id} and used_at is null returning id`;
  if (!row) throw new AppError('EXPIRED', 'This link was already used. Ask the bot for a new one.');
  deps.log.info('page claim sent', { accountId: page.accountId, wallet: claim.wallet, epoch, txHash: hash });
  const explorer = deps.config.walletPage.explorerUrl;
  return { txHash: hash, epoch, explorerUrl: explorer ? `${explorer}/tx/${hash}` : null };
}

function decodeClaim(data: Hex) {
  try {
    const call = decodeFunctionData({ abi: vaultAbi, data });
    return call.functionName === 'claim'
      ? (call as { args: readonly [bigint, Hex, bigint, readonly Hex[]] })
      : null;
  } catch {
    return null;
  }
}
