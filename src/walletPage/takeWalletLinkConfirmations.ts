import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({
  surface: z.enum(['discord', 'telegram', 'mcp']),
  limit: z.number().int().min(1).max(500).default(100),
});
export interface WalletLinkConfirmation {
  accountId: string;
  /** Where the surface said to confirm (a Telegram chat id). */
  notifyRef: string | null;
  address: string;
}

/**
 * Wallets linked from page links the surface handed out, not yet told in chat; each is returned
 * once (marked confirmed as it is taken), so two bot instances never both tell it.
 */
export async function takeWalletLinkConfirmations(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<WalletLinkConfirmation[]> {
  const p = parseInput(params, input);
  const rows = await deps.sql<{ account_id: string; notify_ref: string | null; linked_address: string }[]>`
    update wallet_page_tokens set confirmed_at = ${deps.now()}
    where id in (
      select id from wallet_page_tokens
      where surface = ${p.surface} and purpose = 'link' and used_at is not null and confirmed_at is null
      order by id limit ${p.limit} for update skip locked)
    returning account_id, notify_ref, linked_address`;
  return rows.map((r) => ({ accountId: r.account_id, notifyRef: r.notify_ref, address: r.linked_address }));
}
