import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { type Hex, zeroHash } from 'viem';
import { z } from 'zod';
import { type ContributionLeaf, contributionTree, LEAF_ENCODINGS } from '../anchoring/merkleTrees.ts';
import { contributionLeafOf } from '../anchoring/refs.ts';
import { toBytes32Ref } from '../anchoring/toBytes32Ref.ts';
import { registryAbi } from '../chain/abis.ts';
import { outboxRowByDedupeKey } from '../chain/chainStore.ts';
import { contributionLeavesOf } from '../contributions/contributionStore.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { snapshotContributionIds } from '../training/trainingRunStore.ts';
import { findModelSnapshot } from './modelStore.ts';

const params = z.object({ modelId: idSchema, contributionId: idSchema.optional() });

export interface ModelSnapshotProof {
  modelId: string;
  modelRef: Hex;
  snapshotRoot: Hex;
  /** The snapshot root the registry holds for this model; null until registered (or without a chain). */
  onChainSnapshotRoot: Hex | null;
  registration: { status: string; txHash: Hex | null; blockNumber: bigint | null } | null;
  /** The training snapshot: approved contribution ids in index order. */
  contributionIds: string[];
  /** With `contributionId`: its leaf in the snapshot tree, the proof, and whether it verifies against the on-chain root. */
  inclusion?: { contributionId: string; leaf: ContributionLeaf; proof: Hex[]; verified: boolean | null };
}

/**
 * A published model's snapshot: its root (as registered on chain with the model), the contributions in
 * it, and optionally a Merkle proof that one contribution is in it. Snapshot leaves are contribution
 * leaves (the same encoding the registry anchors batches with), so the same contribution proves both
 * where it was anchored (`getContributionProof`) and which models were trained on it.
 */
export async function getModelSnapshotProof(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<ModelSnapshotProof> {
  const p = parseInput(params, input);
  const model = await findModelSnapshot(deps.sql, p.modelId);
  // A model's run is never deleted (a foreign key keeps it), so a model always has its snapshot.
  const ids = model ? await snapshotContributionIds(deps.sql, model.runId) : null;
  if (!model || !ids) throw notFound('Model', p.modelId);
  const snapshotRoot = model.snapshotRoot as Hex;
  const modelRef = toBytes32Ref('model', p.modelId);
  const row = await outboxRowByDedupeKey(deps.sql, `register_model:${p.modelId}`);
  const chain = deps.chain;
  let onChainSnapshotRoot: Hex | null = null;
  if (chain) {
    const registered = await chain.publicClient.readContract({
      address: chain.addresses.registry,
      abi: registryAbi,
      functionName: 'model',
      args: [modelRef],
    });
    onChainSnapshotRoot = registered.snapshotRoot === zeroHash ? null : registered.snapshotRoot;
  }
  const result: ModelSnapshotProof = {
    modelId: p.modelId,
    modelRef,
    snapshotRoot,
    onChainSnapshotRoot,
    registration: row
      ? {
          status: row.status,
          txHash: row.blockNumber !== null ? row.txHash : null,
          blockNumber: row.blockNumber,
        }
      : null,
    contributionIds: ids,
  };
  if (!p.contributionId) return result;
  const index = ids.indexOf(p.contributionId);
  if (index < 0)
    throw badInput(`Contribution ${p.contributionId} is not in model ${p.modelId}'s training snapshot.`);
  const rows = await contributionLeavesOf(deps.sql, ids);
  const tree = contributionTree(rows.map(contributionLeafOf));
  if (tree.root !== snapshotRoot) {
    throw new AppError('INTERNAL', `Model ${p.modelId}'s snapshot no longer rebuilds to its root.`);
  }
  const at = rows.findIndex((r) => r.contribution_id === p.contributionId);
  const leaf = contributionLeafOf(rows[at]);
  const proof = tree.getProof(at) as Hex[];
  const verified = onChainSnapshotRoot
    ? StandardMerkleTree.verify(
        onChainSnapshotRoot,
        [...LEAF_ENCODINGS.contribution],
        [leaf.contributionId, leaf.contributorRef, leaf.contentHash, leaf.datanetId],
        proof,
      )
    : null;
  result.inclusion = { contributionId: p.contributionId, leaf, proof, verified };
  return result;
}
