import { createHash, randomBytes } from 'node:crypto';

export interface SealedVote {
  contributionId: string;
  validatorAccountId: string;
  approve: boolean;
  weight: bigint;
}

/** Fresh salt for one vote: without it the two possible commitments of a vote could be tried. */
export const newSalt = (): string => randomBytes(16).toString('hex');

/** sha256 over the vote and its salt; stored with the vote, checked again when it is revealed. */
export function voteCommitment(v: SealedVote, salt: string): string {
  const body = `potluck-vote:v1:${v.contributionId}:${v.validatorAccountId}:${v.approve ? 1 : 0}:${v.weight}:${salt}`;
  return `0x${createHash('sha256').update(body).digest('hex')}`;
}

/**
 * One hash over all of a contribution's vote commitments (sorted, so order of arrival does not
 * matter): stored with the outcome, it pins the exact sealed votes the decision was made from.
 */
export function votesCommitment(commitments: readonly string[]): string {
  const body = [...commitments].sort().join('\n');
  return `0x${createHash('sha256').update(`potluck-votes:v1\n${body}`).digest('hex')}`;
}
