import { expect } from 'vitest';
import type { App } from '../../src/app.ts';

/**
 * The ledger's promises, checked from the tables: balances sum to zero, every transaction
 * balances, no account that may not go negative did, stored balances match their entries, the
 * stakes account holds exactly the recorded stakes, escrow holds exactly the pending contribution deposits, and the inference escrows exactly the
 * fees of calls still reserved.
 */
export async function assertLedgerInvariants(app: App): Promise<void> {
  const sql = app.database.sql;
  const [total] = await sql`select coalesce(sum(balance), 0)::text as s from ledger_accounts`;
  expect(total.s).toBe('0');
  expect(await sql`select tx_id from ledger_entries group by tx_id having sum(amount) <> 0`).toEqual([]);
  expect(await sql`select id from ledger_accounts where not allow_negative and balance < 0`).toEqual([]);
  const drift = await sql`
    select a.id from ledger_accounts a left join ledger_entries e on e.ledger_account_id = a.id
    group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)`;
  expect(drift).toEqual([]);
  const [stakes] = await sql`
    select (select balance from ledger_accounts where system_name = 'stakes')::text as held,
           (select coalesce(sum(amount), 0) from validator_stakes)::text as recorded`;
  expect(stakes.held).toBe(stakes.recorded);
  const [escrow] = await sql`
    select (select balance from ledger_accounts where system_name = 'escrow')::text as deposits_held,
      (select coalesce(sum(deposit), 0) from contributions where status = 'pending')::text as deposits_owed,
      (select sum(balance) from ledger_accounts where system_name like 'inference_escrow_%')::text as fees_held,
      (select coalesce(sum(fee), 0) from inference_calls where status = 'reserved')::text as fees_owed`;
  expect(escrow.deposits_held).toBe(escrow.deposits_owed);
  expect(escrow.fees_held).toBe(escrow.fees_owed);
}
