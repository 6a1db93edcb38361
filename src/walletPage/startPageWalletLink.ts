import { z } from 'zod';
import { type StartWalletLinkResult, startWalletLink } from '../accounts/startWalletLink.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { readPageToken } from './readPageToken.ts';

const params = z.object({
  token: z.string().min(1).max(200),
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed wallet address'),
});

/**
 * The link page's first step: the Sign-In with Ethereum message for the wallet the page connected,
 * from the same `startWalletLink` the bots use (same nonce, domain, URI, chain and expiry rules).
 */
export async function startPageWalletLink(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<StartWalletLinkResult> {
  const p = parseInput(params, input);
  const page = await readPageToken(deps.sql, p.token, 'link', deps.now());
  return startWalletLink(deps, { accountId: page.accountId, address: p.address });
}
