import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Address, Hex } from 'viem';

/**
 * Leaf encodings shared with the contracts. Trees are OpenZeppelin StandardMerkleTree (double-hashed
 * abi-encoded leaves, sorted pairs), which is what `MerkleProof.verifyCalldata` checks on chain.
 */
export const LEAF_ENCODINGS = {
  contribution: ['bytes32', 'bytes32', 'bytes32', 'bytes32'],
  validation: ['bytes32', 'bytes32', 'bool', 'bytes32'],
  receipt: ['bytes32', 'bytes32', 'uint256', 'bytes32'],
  reward: ['address', 'uint256'],
} as const;

export type ContributionLeaf = { contributionId: Hex; contributorRef: Hex; contentHash: Hex; datanetId: Hex };
export type ValidationLeaf = { contributionId: Hex; datanetId: Hex; approved: boolean; votesCommitment: Hex };
export type ReceiptLeaf = { receiptId: Hex; modelId: Hex; fee: bigint; receiptHash: Hex };
export type RewardLeaf = { account: Address; cumulativeAmount: bigint };

export type ContributionTuple = [Hex, Hex, Hex, Hex];
export type ValidationTuple = [Hex, Hex, boolean, Hex];
export type ReceiptTuple = [Hex, Hex, bigint, Hex];
export type RewardTuple = [Address, bigint];

const tree = <T extends unknown[]>(values: T[], encoding: readonly string[]): StandardMerkleTree<T> => {
  // The library throws an opaque error on an empty tree; an empty batch is a caller bug worth naming.
  if (values.length === 0) throw new RangeError('A Merkle tree needs at least one leaf.');
  return StandardMerkleTree.of(values, [...encoding]);
};

/** Tree over contribution leaves; `getProof(tuple)` proves one for `verifyContribution`. */
export const contributionTree = (leaves: readonly ContributionLeaf[]) =>
  tree<ContributionTuple>(
    leaves.map((l) => [l.contributionId, l.contributorRef, l.contentHash, l.datanetId]),
    LEAF_ENCODINGS.contribution,
  );

/** Tree over final validation outcomes; proofs feed `verifyValidation`. */
export const validationTree = (leaves: readonly ValidationLeaf[]) =>
  tree<ValidationTuple>(
    leaves.map((l) => [l.contributionId, l.datanetId, l.approved, l.votesCommitment]),
    LEAF_ENCODINGS.validation,
  );

/** Tree over an epoch's inference receipts; proofs feed `verifyReceipt`. */
export const receiptTree = (leaves: readonly ReceiptLeaf[]) =>
  tree<ReceiptTuple>(
    leaves.map((l) => [l.receiptId, l.modelId, l.fee, l.receiptHash]),
    LEAF_ENCODINGS.receipt,
  );

/** Tree over cumulative earnings per wallet; proofs feed `RewardVault.claim`. One leaf per account. */
export const rewardTree = (leaves: readonly RewardLeaf[]) =>
  tree<RewardTuple>(
    leaves.map((l) => [l.account, l.cumulativeAmount]),
    LEAF_ENCODINGS.reward,
  );
