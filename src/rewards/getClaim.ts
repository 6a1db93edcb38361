import type { Address, Hex } from 'viem';
import { z } from 'zod';
import { linkedWalletOf } from '../accounts/accountStore.ts';
import { vaultAbi } from '../chain/abis.ts';
import { AppError, invalidState } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { loadEpochTree } from './loadEpochTree.ts';

const params = z.object({ accountId: idSchema });
export interface Claim {
  accountId: string;
  wallet: Address;
  /** The vault's latest epoch: the only one it accepts claims against. 0 before the first root. */
  epoch: number;
  /** The wallet's leaf: everything ever committed to it up to that epoch. */
  cumulativeAmount: bigint;
  /** What the vault has already paid this wallet. */
  alreadyClaimed: bigint;
  /** What a claim now pays: cumulative minus already claimed. */
  amount: bigint;
  proof: Hex[];
  vault: Address;
  chainId: number;
}

/**
 * What the caller can claim on chain now, to their linked wallet, with the proof for
 * `RewardVault.claim(epoch, wallet, cumulativeAmount, proof)`. Only the caller's own account and
 * wallet: the input is the caller's account id, and the leaf is always their linked wallet's. Uses the
 * vault's latest posted epoch, so a proof is never issued for a root the vault would refuse.
 */
export async function getClaim(deps: Deps, input: z.input<typeof params>): Promise<Claim> {
  const p = parseInput(params, input);
  const chain = deps.chain;
  if (!chain)
    throw new AppError('UNAVAILABLE', 'Claims need the chain, and none is configured on this server.');
  const wallet = (await linkedWalletOf(deps.sql, p.accountId)) as Address | null;
  if (!wallet) throw invalidState('Link a wallet first: rewards are claimed to a linked wallet.');
  const [epoch, alreadyClaimed] = await Promise.all([
    chain.publicClient.readContract({
      address: chain.addresses.vault,
      abi: vaultAbi,
      functionName: 'latestEpoch',
    }),
    chain.publicClient.readContract({
      address: chain.addresses.vault,
      abi: vaultAbi,
      functionName: 'claimed',
      args: [wallet],
    }),
  ]);
  const tree = epoch > 0n ? await loadEpochTree(deps.sql, Number(epoch)) : null;
  const leaf = tree?.leafOf(wallet) ?? null;
  const cumulativeAmount = leaf?.cumulative ?? 0n;
  return {
    accountId: p.accountId,
    wallet,
    epoch: Number(epoch),
    cumulativeAmount,
    alreadyClaimed,
    amount: cumulativeAmount > alreadyClaimed ? cumulativeAmount - alreadyClaimed : 0n,
    proof: leaf?.proof ?? [],
    vault: chain.addresses.vault,
    chainId: chain.chainId,
  };
}
