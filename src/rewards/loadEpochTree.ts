import type { Hex } from 'viem';
import { rewardTree } from '../anchoring/merkleTrees.ts';
import type { Db } from '../db/openDatabase.ts';

export interface EpochTree {
  epoch: number;
  root: Hex;
  /** Proof and cumulative amount of a wallet's leaf, or null when the wallet has no leaf this epoch. */
  leafOf(wallet: string): { cumulative: bigint; proof: Hex[] } | null;
}

/**
 * Rebuilds an epoch's reward tree from its stored leaves and checks it against the stored root (the
 * root is what the vault holds: a mismatch would hand out proofs that cannot verify). Null if the
 * database has no such epoch.
 */
export async function loadEpochTree(db: Db, epoch: number): Promise<EpochTree | null> {
  const [e] = await db<{ root: Hex }[]>`select root from reward_epochs where epoch = ${epoch}`;
  if (!e) return null;
  const leaves = await db<{ wallet: Hex; cumulative: string }[]>`
    select wallet, cumulative from reward_epoch_leaves where epoch = ${epoch} order by wallet`;
  const tree = rewardTree(leaves.map((l) => ({ account: l.wallet, cumulativeAmount: BigInt(l.cumulative) })));
  if (tree.root !== e.root)
    throw new Error(`reward tree of epoch ${epoch} does not rebuild to its stored root`);
  const index = new Map(leaves.map((l, i) => [l.wallet, i]));
  return {
    epoch,
    root: e.root,
    leafOf(wallet) {
      const i = index.get(wallet.toLowerCase() as Hex);
      if (i === undefined) return null;
      return { cumulative: BigInt(leaves[i].cumulative), proof: tree.getProof(i) as Hex[] };
    },
  };
}
