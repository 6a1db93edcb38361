import { z } from 'zod';
import { linkedWalletOf } from '../rewards/linkedWalletOf.ts';
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
  return {
    purpose: page.purpose,
    expiresAt: page.expiresAt,
    chainId: chain?.chainId ?? deps.config.chain.chainId,
    linkedWallet: await linkedWalletOf(deps.sql, page.accountId),
    chain:
      page.purpose === 'claim' && chain
        ? {
            vault: chain.addresses.vault,
            token: chain.addresses.token,
            explorerUrl: w.explorerUrl ?? null,
            publicRpcUrl: w.publicRpcUrl ?? null,
          }
        : null,
  };
}
