import type { Hex } from 'viem';
import { z } from 'zod';
import { registryAbi } from '../chain/abis.ts';
import { chainOutboxTable } from '../chain/chainStore.ts';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { AppError, notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { validationOutcomesTable } from '../validation/validationStore.ts';
import { type ValidationLeaf, validationTree } from './merkleTrees.ts';
import { validationLeafOf } from './refs.ts';

const params = z.object({ contributionId: idSchema });

export type ValidationProof =
  | { contributionId: string; state: 'undecided' | 'queued' }
  | {
      contributionId: string;
      state: 'batched' | 'anchored';
      batch: {
        id: string;
        ref: Hex;
        root: Hex;
        count: number;
        txHash: Hex | null;
        blockNumber: bigint | null;
      };
      leaf: ValidationLeaf;
      proof: Hex[];
      /** The registry's `verifyValidation` answer; null without a chain. */
      verified: boolean | null;
    };

/** Proof that a contribution's final outcome (approved or rejected) is anchored, like `getContributionProof`. */
export async function getValidationProof(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<ValidationProof> {
  const p = parseInput(params, input);
  const [batch] = await deps.sql<
    {
      id: string;
      batch_ref: Hex;
      root: Hex;
      leaf_count: number;
      tx_hash: Hex | null;
      block_number: string | null;
    }[]
  >`
    select b.id, b.batch_ref, b.root, b.leaf_count, o.tx_hash, o.block_number
    from validation_batch_items i join validation_batches b on b.id = i.batch_id
    left join ${chainOutboxTable(deps.sql)} o on o.id = b.outbox_id and o.status in ('submitted', 'confirmed')
    where i.contribution_id = ${p.contributionId}`;
  if (!batch) {
    const [c] = await deps.sql<{ decided: boolean }[]>`
      select exists (select 1 from ${validationOutcomesTable(deps.sql)} o where o.contribution_id = c.id) as decided
      from ${contributionsTable(deps.sql)} c where c.id = ${p.contributionId}`;
    if (!c) throw notFound('Contribution', p.contributionId);
    return { contributionId: p.contributionId, state: c.decided ? 'queued' : 'undecided' };
  }
  const members = await deps.sql<
    { contribution_id: string; datanet_id: string; approved: boolean; votes_commitment: string | null }[]
  >`
    select o.contribution_id, o.datanet_id, o.approved, o.votes_commitment
    from validation_batch_items i join ${validationOutcomesTable(deps.sql)} o on o.contribution_id = i.contribution_id
    where i.batch_id = ${batch.id} order by o.contribution_id`;
  const tree = validationTree(members.map(validationLeafOf));
  if (tree.root !== batch.root) {
    throw new AppError('INTERNAL', `Validation batch ${batch.id} no longer rebuilds to its anchored root.`);
  }
  const index = members.findIndex((m) => m.contribution_id === p.contributionId);
  const leaf = validationLeafOf(members[index]);
  const proof = tree.getProof(index) as Hex[];
  const chain = deps.chain;
  const verified = chain
    ? await chain.publicClient.readContract({
        address: chain.addresses.registry,
        abi: registryAbi,
        functionName: 'verifyValidation',
        args: [
          batch.batch_ref,
          leaf.contributionId,
          leaf.datanetId,
          leaf.approved,
          leaf.votesCommitment,
          proof,
        ],
      })
    : null;
  const mined = batch.block_number !== null;
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
    },
    leaf,
    proof,
    verified,
  };
}
