import { z } from 'zod';
import { type FinishWalletLinkResult, finishWalletLink } from '../accounts/finishWalletLink.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { readPageToken } from './readPageToken.ts';

const params = z.object({
  token: z.string().min(1).max(200),
  message: z.string().min(1).max(4000),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, 'must be a 0x-prefixed hex signature'),
});

/**
 * The link page's second step: the signed message goes through the same `finishWalletLink` as the
 * bots' (every SIWE check happens there), then the page link is spent and waits for its surface to
 * confirm it in chat.
 */
export async function finishPageWalletLink(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<FinishWalletLinkResult> {
  const p = parseInput(params, input);
  const page = await readPageToken(deps.sql, p.token, 'link', deps.now());
  const linked = await finishWalletLink(deps, {
    accountId: page.accountId,
    message: p.message,
    signature: p.signature,
  });
  // The SIWE nonce is single-use, so two finishes racing on one link cannot both get here with a link.
  await deps.sql`
    update wallet_page_tokens set used_at = ${deps.now()}, linked_address = ${linked.address}
    where id = ${page.id} and used_at is null`;
  return linked;
}
