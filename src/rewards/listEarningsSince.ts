import { z } from 'zod';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import { EARNING_ROLES, type EarningRole } from '../ledger/earningRoles.ts';
import { availableBalanceOf, ledgerEntriesTable, ledgerTransactionsTable } from '../ledger/ledgerStore.ts';
import { modelsTable } from '../models/modelStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema, numericIdSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const entryId = numericIdSchema('a ledger entry id', 0);

const params = z.object({
  accountId: idSchema,
  /** Only earnings after this ledger entry (a `cursor` from an earlier call); 0 or unset for all. */
  afterEntryId: entryId.default('0'),
  /** Only earnings before this entry: pages backwards through history. */
  beforeEntryId: entryId.optional(),
  /** How many of the newest earnings to list; the totals cover the whole window regardless. */
  limit: z.number().int().min(0).max(100).default(10),
  /** Skips this many of the newest: pages of a fixed window (pair it with `beforeEntryId`). */
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type ListEarningsSinceParams = z.input<typeof params>;

export interface Earning {
  entryId: string;
  txId: string;
  /** The ledger transaction kind: validation_approved, inference fee split, ... */
  kind: string;
  role: EarningRole;
  amount: bigint;
  at: Date;
  contributionId: string | null;
  datanetId: string | null;
  datanetName: string | null;
  modelId: string | null;
  modelName: string | null;
}

/** Where earnings came from: a datanet (validation, data) and, for paid calls, a model. */
export interface EarningSource {
  datanetId: string | null;
  datanetName: string | null;
  modelId: string | null;
  modelName: string | null;
  amount: bigint;
}

export interface EarningsSince {
  total: bigint;
  byRole: Partial<Record<EarningRole, bigint>>;
  /** The window's total by datanet and model, largest first (the top 20). */
  bySource: EarningSource[];
  count: number;
  /** Newest first, at most `limit`. */
  entries: Earning[];
  /** True when earnings older than the last listed one remain in the window (after `offset`). */
  hasMore: boolean;
  /**
   * The newest ledger entry of the account inside the window (earning or not), or `afterEntryId`
   * when there is none: pass it back as `afterEntryId` to hear only about what came next.
   */
  cursor: string;
}

/**
 * What the caller's own account earned (credits for a contributor, validator or developer role)
 * after a point in its ledger history. Entry ids of one account only ever grow in commit order
 * (ledger_post locks the account row before inserting), so an id is a cursor nothing slips past.
 */
export async function listEarningsSince(deps: Deps, input: ListEarningsSinceParams): Promise<EarningsSince> {
  const p = parseInput(params, input);
  const acct = await availableBalanceOf(deps.sql, p.accountId);
  if (!acct) {
    return {
      total: 0n,
      byRole: {},
      bySource: [],
      count: 0,
      entries: [],
      hasMore: false,
      cursor: p.afterEntryId,
    };
  }
  const window = deps.sql`e.ledger_account_id = ${acct.id} and e.id > ${p.afterEntryId}
    and (${p.beforeEntryId ?? null}::bigint is null or e.id < ${p.beforeEntryId ?? null}::bigint)`;
  const earning = deps.sql`e.amount > 0 and e.role in ${deps.sql(EARNING_ROLES)}`;
  const entries = ledgerEntriesTable(deps.sql);
  // Validation payouts name a contribution; paid calls name their model and datanet.
  const sources = deps.sql`
    join ${ledgerTransactionsTable(deps.sql)} t on t.id = e.tx_id
    left join ${contributionsTable(deps.sql)} c on c.id =
      case when t.memo->>'contributionId' ~ '^[0-9]{1,19}$' then (t.memo->>'contributionId')::bigint end
    left join ${datanetsTable(deps.sql)} d on d.id = coalesce(c.datanet_id,
      case when t.memo->>'datanetId' ~ '^[0-9]{1,19}$' then (t.memo->>'datanetId')::bigint end)
    left join ${modelsTable(deps.sql)} m on m.id =
      case when t.memo->>'modelId' ~ '^[0-9]{1,19}$' then (t.memo->>'modelId')::bigint end`;
  const [sums, [last], rows, bySource] = await Promise.all([
    deps.sql<{ role: EarningRole; amount: string; n: string }[]>`
      select e.role, sum(e.amount) as amount, count(*) as n from ${entries} e
      where ${window} and ${earning} group by e.role`,
    deps.sql<{ id: string | null }[]>`select max(e.id) as id from ${entries} e where ${window}`,
    deps.sql<Row[]>`
      select e.id, e.tx_id, t.kind, e.role, e.amount, t.created_at, c.id as contribution_id,
        d.id as datanet_id, d.name as datanet_name, m.id as model_id, m.name as model_name
      from ${entries} e ${sources}
      where ${window} and ${earning}
      order by e.id desc limit ${p.limit + 1} offset ${p.offset}`,
    deps.sql<SourceRow[]>`
      select d.id as datanet_id, d.name as datanet_name, m.id as model_id, m.name as model_name,
        sum(e.amount) as amount
      from ${entries} e ${sources}
      where ${window} and ${earning}
      group by d.id, d.name, m.id, m.name order by sum(e.amount) desc, d.id, m.id limit 20`,
  ]);
  const byRole: EarningsSince['byRole'] = {};
  let total = 0n;
  let count = 0;
  for (const s of sums) {
    byRole[s.role] = BigInt(s.amount);
    total += BigInt(s.amount);
    count += Number(s.n);
  }
  return {
    total,
    byRole,
    bySource: bySource.map((r) => ({
      datanetId: r.datanet_id,
      datanetName: r.datanet_name,
      modelId: r.model_id,
      modelName: r.model_name,
      amount: BigInt(r.amount),
    })),
    count,
    entries: rows.slice(0, p.limit).map(toEarning),
    hasMore: rows.length > p.limit,
    cursor: last?.id ?? p.afterEntryId,
  };
}

interface Row {
  id: string;
  tx_id: string;
  kind: string;
  role: EarningRole;
  amount: string;
  created_at: Date;
  contribution_id: string | null;
  datanet_id: string | null;
  datanet_name: string | null;
  model_id: string | null;
  model_name: string | null;
}

interface SourceRow {
  datanet_id: string | null;
  datanet_name: string | null;
  model_id: string | null;
  model_name: string | null;
  amount: string;
}

const toEarning = (r: Row): Earning => ({
  entryId: r.id,
  txId: r.tx_id,
  kind: r.kind,
  role: r.role,
  amount: BigInt(r.amount),
  at: r.created_at,
  contributionId: r.contribution_id,
  datanetId: r.datanet_id,
  datanetName: r.datanet_name,
  modelId: r.model_id,
  modelName: r.model_name,
});
