import type { Db } from '../db/openDatabase.ts';
import type { EarningRole } from './earningRoles.ts';

/**
 * Ledger reads for per-datanet boards and per-account charts. Payouts name their datanet in the
 * transaction memo (validation outcomes and paid-call splits both do), so no other area's table
 * is needed to tell which datanet a credit came from.
 */
export interface AccountEarning {
  accountId: string;
  earned: bigint;
}

const inDatanet = (db: Db, datanetId: string, role: EarningRole) =>
  db`e.role = ${role} and e.amount > 0 and la.owner_account_id is not null
    and t.memo->>'datanetId' = ${datanetId}`;

/** The accounts that earned most in `role` from one datanet, with how many earned anything. */
export async function topEarnersOfDatanet(
  db: Db,
  input: { datanetId: string; role: EarningRole; limit: number; offset: number },
): Promise<{ total: number; rows: AccountEarning[] }> {
  const rows = await db<{ account_id: string; earned: string; total: string }[]>`
    select la.owner_account_id as account_id, sum(e.amount) as earned, count(*) over () as total
    from ledger_entries e
    join ledger_transactions t on t.id = e.tx_id
    join ledger_accounts la on la.id = e.ledger_account_id
    where ${inDatanet(db, input.datanetId, input.role)}
    group by la.owner_account_id
    order by sum(e.amount) desc, la.owner_account_id
    limit ${input.limit} offset ${input.offset}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({ accountId: r.account_id, earned: BigInt(r.earned) })),
  };
}

/** What each of `accountIds` earned in `role` from one datanet (absent: nothing). */
export async function earnedInDatanet(
  db: Db,
  input: { datanetId: string; role: EarningRole; accountIds: string[] },
): Promise<Map<string, bigint>> {
  if (input.accountIds.length === 0) return new Map();
  const rows = await db<{ account_id: string; earned: string }[]>`
    select la.owner_account_id as account_id, sum(e.amount) as earned
    from ledger_entries e
    join ledger_transactions t on t.id = e.tx_id
    join ledger_accounts la on la.id = e.ledger_account_id
    where ${inDatanet(db, input.datanetId, input.role)}
      and la.owner_account_id = any(${input.accountIds}::bigint[])
    group by la.owner_account_id`;
  return new Map(rows.map((r) => [r.account_id, BigInt(r.earned)]));
}

/** One account's earnings per UTC day and role since `since` (days with none are absent). */
export async function earningsByDay(
  db: Db,
  input: { accountId: string; since: Date; roles: readonly EarningRole[] },
): Promise<{ day: string; role: EarningRole; amount: bigint }[]> {
  const rows = await db<{ day: string; role: EarningRole; amount: string }[]>`
    select to_char(date_trunc('day', t.created_at at time zone 'UTC'), 'YYYY-MM-DD') as day, e.role,
      sum(e.amount) as amount
    from ledger_entries e
    join ledger_transactions t on t.id = e.tx_id
    join ledger_accounts la on la.id = e.ledger_account_id
    where la.owner_account_id = ${input.accountId} and la.kind = 'available'
      and e.amount > 0 and e.role in ${db(input.roles as EarningRole[])} and t.created_at >= ${input.since}
    group by 1, 2 order by 1, 2`;
  return rows.map((r) => ({ day: r.day, role: r.role, amount: BigInt(r.amount) }));
}
