import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { hashPageToken, type PagePurpose } from './readPageToken.ts';

const params = z.object({
  accountId: idSchema,
  purpose: z.enum(['link', 'claim']),
  surface: z.enum(['discord', 'telegram', 'mcp']),
  /** Where the surface confirms a finished link (a Telegram chat id); absent: nowhere. */
  notifyRef: z.string().min(1).max(100).optional(),
});
export type CreateWalletPageLinkParams = z.input<typeof params>;
export interface WalletPageLink {
  /** Open in a browser with the wallet; the token rides in the fragment, which browsers never send. */
  url: string;
  purpose: PagePurpose;
  expiresAt: Date;
}

/**
 * A one-time link to the wallet page for the account: 'link' to link a wallet by Sign-In with
 * Ethereum, 'claim' to claim rewards from the linked wallet. It expires with the SIWE message
 * lifetime (SIWE_EXPIRY_SECONDS). The token is a credential for the account, so only its hash is kept.
 */
export async function createWalletPageLink(
  deps: Deps,
  input: CreateWalletPageLinkParams,
): Promise<WalletPageLink> {
  const p = parseInput(params, input);
  const token = `wp_${randomBytes(32).toString('base64url')}`;
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.siwe.expirySeconds * 1000);
  // Surfaces pass the account their identity resolved to; the foreign key refuses any other id.
  await deps.sql`
    insert into wallet_page_tokens (token_sha256, account_id, purpose, surface, notify_ref, created_at, expires_at)
    values (${hashPageToken(token)}, ${p.accountId}, ${p.purpose}, ${p.surface}, ${p.notifyRef ?? null}, ${now}, ${expiresAt})`.catch(
    (error: unknown) => {
      if ((error as { code?: string }).code === '23503') throw notFound('Account', p.accountId);
      throw error;
    },
  );
  return {
    url: `${deps.config.walletPage.publicUrl}/wallet/${p.purpose}#${token}`,
    purpose: p.purpose,
    expiresAt,
  };
}
