import type { Hex } from 'viem';
import { z } from 'zod';
import { registryAbi } from '../chain/abis.ts';
import { chainOutboxTable } from '../chain/chainStore.ts';
import { contributionExists, contributionsTable } from '../contributions/contributionStore.ts';
import { AppError, notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type ContributionLeaf, contributionTree } from './merkleTrees.ts';
import { contributionLeafOf } from './refs.ts';

const params = z.object({ contributionId: idSchema });

export type ContributionProof =
  | { contributionId: string; state: 'queued' }
  | {
      contributionId: string;
      /** 'batched': in a batch whose anchor is not on chain yet; 'anchored': its transaction is mined. */
      state: 'batched' | 'anchored';
      batch: {
        id: string;
        ref: Hex;
        root: Hex;
        count: number;
        txHash: Hex | null;
        blockNumber: bigint | null;
        confirmed: boolean;
      };
      leaf: ContributionLeaf;
      proof: Hex[];
      registry: Hex | null;
      chainId: number | null;
      /** The registry's own `verifyContribution` answer; null when no chain is configured. */
      verified: boolean | null;
    };

/**
 * Proof of Attribution for one contribution: its batch, its leaf (contribution ref, contributor ref,
 * content hash, datanet ref), the Merkle proof and the anchoring transaction, checked against the
 * registry on chain. Anyone may ask: everything here is what the chain already publishes. The leaves
 * are rebuilt from the batch members and must reproduce the stored root.
 */
export async function getContributionProof(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<ContributionProof> {
  const p = parseInput(params, input);
  const [batch] = await deps.sql<
    {
      id: string;
      batch_ref: Hex;
      root: Hex;
      leaf_count: number;
      status: string | null;
      tx_hash: Hex | null;
      block_number: string | null;
    }[]
  >`
    select b.id, b.batch_ref, b.root, b.leaf_count, o.status, o.tx_hash, o.block_number
    from contribution_batch_items i join contribution_batches b on b.id = i.batch_id
    left join ${chainOutboxTable(deps.sql)} o on o.id = b.outbox_id
    where i.contribution_id = ${p.contributionId}`;
  if (!batch) {
    if (!(await contributionExists(deps.sql, p.contributionId)))
      throw notFound('Contribution', p.contributionId);
    return { contributionId: p.contributionId, state: 'queued' };
  }
  const members = await deps.sql<
    { contribution_id: string; contributor_account_id: string; content_hash: string; datanet_id: string }[]
  >`
    select c.id as contribution_id, c.contributor_account_id, c.content_hash, c.datanet_id
    from contribution_batch_items i join ${contributionsTable(deps.sql)} c on c.id = i.contribution_id
    where i.batch_id = ${batch.id} order by c.id`;
  const tree = contributionTree(members.map(contributionLeafOf));
  if (tree.root !== batch.root) {
    throw new AppError('INTERNAL', `Batch ${batch.id} no longer rebuilds to its anchored root.`, {
      batchId: batch.id,
    });
  }
  const index = members.findIndex((m) => m.contribution_id === p.contributionId);
  const leaf = contributionLeafOf(members[index]);
  const proof = tree.getProof(index) as Hex[];
  const mined = batch.block_number !== null && (batch.status === 'confirmed' || batch.status === 'submitted');
  const chain = deps.chain;
  const verified = chain
    ? await chain.publicClient.readContract({
        address: chain.addresses.registry,
        abi: registryAbi,
        functionName: 'verifyContribution',
        args: [
          batch.batch_ref,
          leaf.contributionId,
          leaf.contributorRef,
          leaf.contentHash,
          leaf.datanetId,
          proof,
        ],
      })
    : null;
  return {
    contributionId: p.contributionId,
    state: mined ? 'anchored' : 'batched',
    batch: {
      id: batch.id,
      ref: batch.batch_ref,
      root: batch.root,
      count: batch.leaf_count,
      txHash: mined ? batch.tx_hash : null,
      blockNumber: mined ? BigInt(batch.block_number!) : null,
      confirmed: batch.status === 'confirmed',
    },
    leaf,
    proof,
    registry: chain?.addresses.registry ?? null,
    chainId: chain?.chainId ?? null,
    verified,
  };
}
