import type { App } from '../src/app.ts';
import type { Balance } from '../src/rewards/getBalance.ts';
import { type Cast, everyone } from './demoContext.ts';

export interface LedgerSnapshot {
  /** Every ledger account's stored balance, keyed like the DemoBook (see there). */
  accounts: Map<string, bigint>;
  /** Each person's balance as the app reports it to them. */
  people: Map<string, Balance>;
}

/** What the ledger says at the end, read through the tables and through `getBalance`. */
export async function readLedger(app: App, cast: Cast): Promise<LedgerSnapshot> {
  const rows = await app.database.sql<
    { kind: string; owner: string | null; datanet: string | null; system: string | null; balance: string }[]
  >`
    select kind, owner_account_id as owner, datanet_id as datanet, system_name as system, balance::text
    from ledger_accounts order by id`;
  const accounts = new Map<string, bigint>();
  for (const r of rows) {
    const key =
      r.kind === 'available' ? r.owner! : r.kind === 'pool' ? `pool:${r.datanet}` : `system:${r.system}`;
    accounts.set(key, BigInt(r.balance));
  }
  const people = new Map<string, Balance>();
  for (const p of everyone(cast)) {
    people.set(p.accountId, await app.ledger.getBalance({ accountId: p.accountId }));
  }
  return { accounts, people };
}
