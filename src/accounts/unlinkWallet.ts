import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { removeWalletIdentity } from './accountStore.ts';

const params = z.object({ accountId: idSchema });
export interface UnlinkWalletResult {
  /** The wallet that was unlinked, or null when the account had none. */
  address: string | null;
}

/**
 * Removes the account's wallet, freeing it to be linked elsewhere. Rewards already committed to it stay
 * claimable by that wallet; until another wallet is linked, new earnings are not committed anywhere.
 */
export async function unlinkWallet(deps: Deps, input: z.input<typeof params>): Promise<UnlinkWalletResult> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const address = await removeWalletIdentity(tx, p.accountId);
    await tx`
      update wallet_links set unlinked_at = ${deps.now()}, unlink_reason = 'unlinked'
      where account_id = ${p.accountId} and unlinked_at is null`;
    if (address) deps.log.info('wallet unlinked', { accountId: p.accountId, address });
    return { address };
  });
}
