import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { hashPageToken } from './readPageToken.ts';

const params = z.object({ url: z.string().min(1).max(2000) });
export interface WalletPageLinkStatus {
  status: 'pending' | 'linked' | 'expired' | 'unknown';
  address: string | null;
}

/**
 * Whether a link page the surface handed out (named by its URL, which only that surface holds) has
 * linked a wallet yet: Discord follows its ephemeral reply with it.
 */
export async function getWalletPageLinkStatus(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<WalletPageLinkStatus> {
  const p = parseInput(params, input);
  const token = p.url.split('#')[1] ?? '';
  const [row] = await deps.sql<{ expires_at: Date; used_at: Date | null; linked_address: string | null }[]>`
    select expires_at, used_at, linked_address from wallet_page_tokens
    where token_sha256 = ${hashPageToken(token)} and purpose = 'link'`;
  if (!row) return { status: 'unknown', address: null };
  if (row.used_at) return { status: 'linked', address: row.linked_address };
  if (row.expires_at.getTime() <= deps.now().getTime()) return { status: 'expired', address: null };
  return { status: 'pending', address: null };
}
