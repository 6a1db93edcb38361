import type { Hex } from 'viem';
import type { ContributionLeaf, ValidationLeaf } from './merkleTrees.ts';
import { accountRef, toBytes32Ref } from './toBytes32Ref.ts';

// The bytes32 names of Potluck ids on chain. One place, so the worker that anchors and the use cases
// that prove always derive the same value.
export const datanetRef = (id: string | bigint) => toBytes32Ref('datanet', id);
const contributionRef = (id: string | bigint) => toBytes32Ref('contribution', id);
export const contributionBatchRef = (id: string | bigint) => toBytes32Ref('contribution-batch', id);
export const validationBatchRef = (id: string | bigint) => toBytes32Ref('validation-batch', id);

/** A contribution's leaf from its immutable columns (content_hash is sha256 hex of the normalised text). */
export function contributionLeafOf(row: {
  contribution_id: string;
  contributor_account_id: string;
  content_hash: string;
  datanet_id: string;
}): ContributionLeaf {
  return {
    contributionId: contributionRef(row.contribution_id),
    contributorRef: accountRef(row.contributor_account_id),
    contentHash: `0x${row.content_hash}` as Hex,
    datanetId: datanetRef(row.datanet_id),
  };
}

/**
 * A final validation outcome's leaf. The votes commitment anchors which sealed votes decided it;
 * outcomes decided before commitments existed anchor zero.
 */
export function validationLeafOf(row: {
  contribution_id: string;
  datanet_id: string;
  approved: boolean;
  votes_commitment: string | null;
}): ValidationLeaf {
  return {
    contributionId: contributionRef(row.contribution_id),
    datanetId: datanetRef(row.datanet_id),
    approved: row.approved,
    votesCommitment: (row.votes_commitment ?? `0x${'0'.repeat(64)}`) as Hex,
  };
}
