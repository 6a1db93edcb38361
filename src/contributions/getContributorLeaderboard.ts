import { z } from 'zod';
import { displayNamesOf } from '../accounts/accountStore.ts';
import { getDatanet } from '../datanets/getDatanet.ts';
import { earnedInDatanet, topEarnersOfDatanet } from '../ledger/ledgerStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { approvedCountsOf, topApprovedContributors } from './contributionStore.ts';

export const CONTRIBUTOR_BOARDS = ['earnings', 'approved'] as const;
export type ContributorBoard = (typeof CONTRIBUTOR_BOARDS)[number];

const params = z.object({
  datanetId: idSchema,
  /** Rank by what paid calls paid for their data, or by how many of their items were approved. */
  by: z.enum(CONTRIBUTOR_BOARDS).default('earnings'),
  page: z.number().int().min(0).max(10_000).default(0),
  pageSize: z.number().int().min(1).max(25).default(10),
});

export interface ContributorStanding {
  rank: number;
  accountId: string;
  displayName: string;
  /** Contributor-role credits from this datanet's paid calls. */
  earned: bigint;
  approved: number;
}

export interface ContributorLeaderboard {
  datanetId: string;
  datanetName: string;
  by: ContributorBoard;
  page: number;
  pageSize: number;
  /** How many contributors are on this board (earned anything / have an approved item). */
  total: number;
  hasMore: boolean;
  entries: ContributorStanding[];
}

/**
 * A datanet's contributors ranked by earnings or approved items, one page at a time. Everything
 * on it is already public (contributions are visible network-wide, payouts per datanet are the
 * data's own revenue); pending items are left out so the board says nothing about open reviews.
 */
export async function getContributorLeaderboard(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<ContributorLeaderboard> {
  const p = parseInput(params, input);
  const datanet = await getDatanet(deps, { datanet: p.datanetId });
  const window = { datanetId: datanet.id, limit: p.pageSize, offset: p.page * p.pageSize };
  let total: number;
  let ranked: { accountId: string; earned?: bigint; approved?: number }[];
  if (p.by === 'earnings') {
    ({ total, rows: ranked } = await topEarnersOfDatanet(deps.sql, { ...window, role: 'contributor' }));
  } else {
    ({ total, rows: ranked } = await topApprovedContributors(deps.sql, window));
  }
  const accountIds = ranked.map((r) => r.accountId);
  const [names, earned, approved] = await Promise.all([
    displayNamesOf(deps.sql, accountIds),
    p.by === 'earnings'
      ? null
      : earnedInDatanet(deps.sql, { datanetId: datanet.id, role: 'contributor', accountIds }),
    p.by === 'approved' ? null : approvedCountsOf(deps.sql, { datanetId: datanet.id, accountIds }),
  ]);
  return {
    datanetId: datanet.id,
    datanetName: datanet.name,
    by: p.by,
    page: p.page,
    pageSize: p.pageSize,
    total,
    hasMore: window.offset + ranked.length < total,
    entries: ranked.map((r, i) => ({
      rank: window.offset + i + 1,
      accountId: r.accountId,
      displayName: names.get(r.accountId) ?? '',
      earned: r.earned ?? earned?.get(r.accountId) ?? 0n,
      approved: r.approved ?? approved?.get(r.accountId) ?? 0,
    })),
  };
}
