import type postgres from 'postgres';
import type { Db, Sql } from '../db/openDatabase.ts';
import type { EarningRole } from './earningRoles.ts';

/**
 * The ledger's queries that other areas need (ledger_accounts, ledger_transactions, ledger_entries
 * belong to src/ledger). Each takes the connection or transaction it is given, so callers keep
 * their transactions and lock order. Postings themselves go through postTransaction.
 */

/** A datanet's reward pool account, made with the datanet (same transaction). */
export async function openPoolAccount(tx: Db, datanetId: string): Promise<void> {
  await tx`insert into ledger_accounts (kind, datanet_id) values ('pool', ${datanetId})`;
}

/** The reward pool account of a datanet, or null when there is no such datanet. */
export async function poolAccountOf(db: Db, datanetId: string): Promise<string | null> {
  const [pool] = await db<{ id: string }[]>`
    select id from ledger_accounts where datanet_id = ${datanetId} and kind = 'pool'`;
  return pool?.id ?? null;
}

/** The reward pool account of each of `datanetIds` that has one. */
export async function poolAccountsOf(db: Db, datanetIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db<{ id: string; datanet_id: string }[]>`
    select id, datanet_id from ledger_accounts where datanet_id = any(${datanetIds as string[]}::bigint[]) and kind = 'pool'`;
  return new Map(rows.map((r) => [r.datanet_id, r.id]));
}

/** A scalar expression: the balance of the pool of the datanet whose id is `datanetId` (0 without one). */
export const poolBalanceExpr = (db: Db, datanetId: postgres.Fragment | postgres.Helper<string>) =>
  db`coalesce((select p.balance from ledger_accounts p where p.datanet_id = ${datanetId} and p.kind = 'pool'), 0)`;

/**
 * Makes the spendable accounts that do not exist yet (a developer or validator paid for the first
 * time) and returns each owner's ledger account id.
 */
export async function ensureAvailableAccounts(
  sql: Db,
  ownerAccountIds: readonly string[],
): Promise<{ id: string; owner_account_id: string }[]> {
  await sql`
    insert into ledger_accounts (kind, owner_account_id)
    select 'available', a from unnest(${ownerAccountIds as string[]}::bigint[]) as u(a)
    on conflict (owner_account_id) where kind = 'available' do nothing`;
  return sql<{ id: string; owner_account_id: string }[]>`
    select id, owner_account_id from ledger_accounts
    where kind = 'available' and owner_account_id = any(${ownerAccountIds as string[]}::bigint[])`;
}

/**
 * Locks ledger rows in id order with a lock a concurrent posting's balance update waits for (and
 * a key-share lock does not), so posts made afterwards in the transaction take no new locks.
 */
export function lockLedgerAccounts(tx: Db, ids: readonly string[]): postgres.PendingQuery<postgres.Row[]> {
  return tx`select 1 from ledger_accounts where id = any(${ids as string[]}::bigint[]) order by id for no key update`;
}

/**
 * What a validation decision posts to, locked in id order: the datanet's pool, the given system
 * accounts and the spendable accounts of `owners`. Returns each with its balance and kind.
 */
export async function lockDecisionAccounts(
  tx: Db,
  input: { datanetId: string; systemIds: readonly string[]; owners: readonly string[] },
): Promise<{ id: string; balance: string; kind: string }[]> {
  return tx<{ id: string; balance: string; kind: string }[]>`
    select id, balance, kind from ledger_accounts
    where (datanet_id = ${input.datanetId} and kind = 'pool') or id = any(${input.systemIds as string[]}::bigint[])
      or (kind = 'available' and owner_account_id = any(${input.owners as string[]}::bigint[]))
    order by id for no key update`;
}

/** Locks one ledger account (so no credit lands before it is closed) and returns its balance. */
export async function lockBalance(tx: Db, ledgerAccountId: string): Promise<bigint> {
  const [row] = await tx<{ balance: string }[]>`
    select balance from ledger_accounts where id = ${ledgerAccountId} for update`;
  return BigInt(row.balance);
}

/** Closes a ledger account for good: it must be empty, and it can never be credited again. */
export async function closeLedgerAccount(tx: Db, ledgerAccountId: string): Promise<void> {
  await tx`update ledger_accounts set closed = true where id = ${ledgerAccountId}`;
}

/** True when the account holds a balance anywhere but its spendable account (held for something). */
export async function holdsFundsBesidesAvailable(db: Db, ownerAccountId: string): Promise<boolean> {
  const [held] = await db`
    select 1 from ledger_accounts where owner_account_id = ${ownerAccountId} and kind <> 'available' and balance <> 0`;
  return Boolean(held);
}

/** The spendable ledger account of an owner and its balance, or null before it ever held one. */
export async function availableBalanceOf(
  db: Db,
  ownerAccountId: string,
): Promise<{ id: string; balance: bigint } | null> {
  const [row] = await db<{ id: string; balance: string }[]>`
    select id, balance from ledger_accounts where owner_account_id = ${ownerAccountId} and kind = 'available'`;
  return row ? { id: row.id, balance: BigInt(row.balance) } : null;
}

/** Everything ever credited to an owner's spendable account, by role (contributor, validator, developer). */
export async function earnedByRoleOf(db: Db, ownerAccountId: string): Promise<Record<string, bigint>> {
  const roles = await db<{ role: string; earned: string }[]>`
    select e.role, sum(e.amount) as earned
    from ledger_entries e join ledger_accounts a on a.id = e.ledger_account_id
    where a.owner_account_id = ${ownerAccountId} and a.kind = 'available' and e.amount > 0
      and e.role in ('contributor', 'validator', 'developer')
    group by e.role`;
  return Object.fromEntries(roles.map((r) => [r.role, BigInt(r.earned)]));
}

/** The newest entries of an owner's spendable account, newest first. */
export async function recentEntriesOf(
  db: Db,
  ownerAccountId: string,
  limit: number,
): Promise<{ txId: string; kind: string; amount: bigint; role: string | null; at: Date }[]> {
  const rows = await db<
    { tx_id: string; kind: string; amount: string; role: string | null; created_at: Date }[]
  >`
    select t.id as tx_id, t.kind, e.amount, e.role, t.created_at
    from ledger_entries e join ledger_transactions t on t.id = e.tx_id
    join ledger_accounts a on a.id = e.ledger_account_id
    where a.owner_account_id = ${ownerAccountId} and a.kind = 'available'
    order by e.id desc limit ${limit}`;
  return rows.map((r) => ({
    txId: r.tx_id,
    kind: r.kind,
    amount: BigInt(r.amount),
    role: r.role,
    at: r.created_at,
  }));
}

/**
 * The spendable accounts of `ownerAccountIds`, locked in id order (like ledger_post), with their
 * balance and everything credited to them in `roles`.
 */
export async function lockAvailableWithEarned(
  tx: Db,
  ownerAccountIds: readonly string[],
  roles: readonly string[],
): Promise<{ ledger_account_id: string; account_id: string; balance: string; earned: string }[]> {
  return tx<{ ledger_account_id: string; account_id: string; balance: string; earned: string }[]>`
    select l.id as ledger_account_id, l.owner_account_id as account_id, l.balance,
      (select coalesce(sum(e.amount), 0) from ledger_entries e
        where e.ledger_account_id = l.id and e.amount > 0 and e.role = any(${roles as string[]})) as earned
    from ledger_accounts l
    where l.kind = 'available' and l.owner_account_id = any(${ownerAccountIds as string[]}::bigint[])
    order by l.id
    for update of l`;
}

/** Ledger transactions by kind, for the metrics endpoint. */
export function countTransactionsByKind(sql: Sql) {
  return sql<{ label: string; n: string }[]>`
    select kind as label, count(*)::text as n from ledger_transactions group by kind`;
}

/**
 * One posting as a `ledger_post(...)` call, for a statement of another area that must post in the
 * same statement (one round trip): `accounts` are scalar expressions (see the two below).
 */
export function ledgerPostCall(
  db: Db,
  p: {
    kind: string;
    key: postgres.Fragment;
    memo: postgres.Fragment;
    accounts: postgres.Fragment[];
    /** Values, or (for a statement posting once per row) an expression of the row. */
    amounts: string[] | postgres.Fragment;
    roles: (string | null)[];
  },
) {
  const accounts = p.accounts.slice(1).reduce((all, a) => db`${all}, ${a}`, p.accounts[0]);
  const amounts = Array.isArray(p.amounts) ? db`${p.amounts}::numeric[]` : p.amounts;
  return db`ledger_post(${p.kind}, ${p.key}, ${p.memo}, array[${accounts}],
    ${amounts}, ${p.roles}::text[])`;
}

/** A scalar expression: the spendable ledger account of the owner named by the expression `owner`. */
export const availableAccountExpr = (db: Db, owner: postgres.Fragment) =>
  db`(select a.id from ledger_accounts a where a.owner_account_id = ${owner} and a.kind = 'available')`;

/** A scalar expression: the system ledger account whose name is the text expression `name`. */
export const systemAccountExpr = (db: Db, name: postgres.Fragment) =>
  db`(select e.id from ledger_accounts e where e.system_name = ${name})`;

/**
 * The entry and transaction tables, for another area's statement that joins them (one statement
 * keeps one snapshot and its order): every such reader names them through here.
 */
export const ledgerEntriesTable = (db: Db) => db('ledger_entries');
export const ledgerTransactionsTable = (db: Db) => db('ledger_transactions');

/** A scalar expression: the balance of the owner's spendable account (null before it ever held one). */
export const availableBalanceExpr = (db: Db, ownerAccountId: string) =>
  db`(select balance from ledger_accounts where owner_account_id = ${ownerAccountId} and kind = 'available')`;

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
    and t.memo ? 'datanetId' and t.memo->>'datanetId' = ${datanetId}`;

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
