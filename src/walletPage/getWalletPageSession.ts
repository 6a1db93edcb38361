import { z } from 'zod';
import { linkedWalletOf } from '../accounts/accountStore.ts';
import { isAppError } from '../errors.ts';
import { getClaim } from '../rewards/getClaim.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { readPageToken } from './readPageToken.ts';

const params = z.object({ token: z.string().min(1).max(200), purpose: z.enum(['link', 'claim']) });
export interface WalletPageSession {
  purpose: 'link' | 'claim';
  expiresAt: Date;
  /** The chain wallets link and claim on. */
  chainId: number;
  /** The account's wallet now, or null. */
  linkedWallet: string | null;
  /** Claim page only: the contracts, and what the page may offer a wallet that lacks the chain. */
  chain: {
    vault: string;
    token: string;
    explorerUrl: string | null;
    publicRpcUrl: string | null;
  } | null;
  /** Claim page with a linked wallet: everything committed to it, what the vault paid, what is left. */
  claim: {
    wallet: string;
    epoch: number;
    cumulativeAmount: bigint;
    alreadyClaimed: bigint;
    amount: bigint;
  } | null;
}

/**
 * What a page opened with a one-time link shows before the wallet does anything. Nothing here is
 * secret: no account id, no key, no RPC URL but the one configured as public.
 */
export async function getWalletPageSession(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<WalletPageSession> {
  const p = parseInput(params, input);
  const page = await readPageToken(deps.sql, p.token, p.purpose, deps.now());
  const chain = deps.chain;
  const w = deps.config.walletPage;
  const linkedWallet = await linkedWalletOf(deps.sql, page.accountId);
  let claim: WalletPageSession['claim'] = null;
  if (page.purpose === 'claim' && chain && linkedWallet) {
    try {
      const c = await getClaim(deps, { accountId: page.accountId });
      claim = {
        wallet: c.wallet,
        epoch: c.epoch,
        cumulativeAmount: c.cumulativeAmount,
        alreadyClaimed: c.alreadyClaimed,
        amount: c.amount,
      };
    } catch (error) {
      // The wallet was unlinked between the two reads: the page shows "link a wallet first".
      if (!isAppError(error)) throw error;
    }
  }
  return {
    purpose: page.purpose,
    expiresAt: page.expiresAt,
    chainId: chain?.chainId ?? deps.config.chain.chainId,
    linkedWallet,
    chain:
      page.purpose === 'claim' && chain
        ? {
            vault: chain.addresses.vault,
            token: chain.addresses.token,
            explorerUrl: w.explorerUrl ?? null,
            publicRpcUrl: w.publicRpcUrl ?? null,
          }
        : null,
    claim,
  };
}
