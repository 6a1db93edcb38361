export interface Contribution {
  id: string;
  datanetId: string;
  contributorAccountId: string;
  content: string;
  contentHash: string;
  bytes: number;
  chars: number;
  language: string;
  checkScore: number;
  checkProblems: string[];
  nearDuplicateOf: string | null;
  nearDuplicateSimilarity: number | null;
  source: string;
  deposit: bigint;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired';
  createdAt: Date;
  decidedAt: Date | null;
}

export interface ContributionRow {
  id: string;
  datanet_id: string;
  contributor_account_id: string;
  content: string;
  content_hash: string;
  bytes: number;
  chars: number;
  language: string;
  check_score: number;
  check_problems: string[];
  near_duplicate_of: string | null;
  near_duplicate_similarity: number | null;
  source: string;
  deposit: string;
  status: Contribution['status'];
  created_at: Date;
  decided_at: Date | null;
}

/** Columns to select for `toContribution` (everything but the MinHash signature). */
export const CONTRIBUTION_COLUMNS = `id, datanet_id, contributor_account_id, content, content_hash, bytes, chars, language,
  check_score, check_problems, near_duplicate_of, near_duplicate_similarity, source, deposit, status, created_at, decided_at`;

export function toContribution(r: ContributionRow): Contribution {
  return {
    id: r.id,
    datanetId: r.datanet_id,
    contributorAccountId: r.contributor_account_id,
    content: r.content,
    contentHash: r.content_hash,
    bytes: r.bytes,
    chars: r.chars,
    language: r.language,
    checkScore: r.check_score,
    checkProblems: r.check_problems,
    nearDuplicateOf: r.near_duplicate_of,
    nearDuplicateSimilarity: r.near_duplicate_similarity,
    source: r.source,
    deposit: BigInt(r.deposit),
    status: r.status,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}
