import type { Address, Hex } from 'viem';
import { z } from 'zod';
import { recordAccountRefs } from '../anchoring/recordAccountRefs.ts';
import { accountRef } from '../anchoring/toBytes32Ref.ts';
import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ accountId: idSchema });
export interface DepositInfo {
  chainId: number;
  token: Address;
  vault: Address;
  /** Pass to `RewardVault.deposit(amount, accountRef)` (after approving the vault) to credit this account. */
  accountRef: Hex;
  /** Blocks a deposit waits before it is credited. */
  confirmations: number;
}

/** How to bring tokens in: the vault, the token and the caller's account reference. */
export async function getDepositInfo(deps: Deps, input: z.input<typeof params>): Promise<DepositInfo> {
  const p = parseInput(params, input);
  const chain = deps.chain;
  if (!chain)
    throw new AppError('UNAVAILABLE', 'Deposits need the chain, and none is configured on this server.');
  await recordAccountRefs(deps.sql, [p.accountId]);
  return {
    chainId: chain.chainId,
    token: chain.addresses.token,
    vault: chain.addresses.vault,
    accountRef: accountRef(p.accountId),
    confirmations: chain.confirmations,
  };
}
