import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/errors.ts';
import { lockLedgerAccounts } from '../src/ledger/ledgerStore.ts';
import { type ManyPosting, postMany } from '../src/ledger/postMany.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';

/*
 * postMany (the settlement batch's postings in one statement): every posting lands with its own
 * transaction and entries, or, when any one would overdraw or reuses a key, none of them does.
 */
let t: TestApp;
let ids: string[];
beforeAll(async () => {
  t = await createTestApp();
  const people = [
    await fundedPerson(t.app, 'a'),
    await fundedPerson(t.app, 'b'),
    await fundedPerson(t.app, 'c'),
  ];
  const rows = await t.app.database.sql<{ id: string; owner: string }[]>`
    select id, owner_account_id as owner from ledger_accounts
    where kind = 'available' and owner_account_id = any(${people}::bigint[])`;
  ids = people.map((p) => rows.find((r) => r.owner === p)!.id);
});
afterAll(async () => t?.cleanup());

const balances = async () => {
  const rows = await t.app.database.sql<{ id: string; balance: string }[]>`
    select id, balance::text from ledger_accounts where id = any(${ids}::bigint[])`;
  return ids.map((id) => BigInt(rows.find((r) => r.id === id)!.balance));
};
const post = (postings: ManyPosting[]) =>
  t.app.database.sql.begin(async (tx) => {
    await lockLedgerAccounts(
      tx,
      [...ids].sort((x, y) => Number(BigInt(x) - BigInt(y))),
    );
    return postMany(tx, postings);
  });
const move = (key: string, from: number, to: number, amount: bigint): ManyPosting => ({
  kind: 'test_many',
  idempotencyKey: key,
  memo: { key },
  legs: [
    { ledgerAccountId: ids[from], amount: -amount, role: 'payer' },
    { ledgerAccountId: ids[to], amount },
  ],
});
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe('postMany', () => {
  it('posts each transaction with its own entries and nets the balances', async () => {
    const before = await balances();
    const txIds = await post([move('m1', 0, 1, 5n), move('m2', 1, 2, 7n), move('m3', 2, 0, 11n)]);
    expect(new Set(txIds).size).toBe(3);
    expect(await balances()).toEqual([before[0] + 6n, before[1] - 2n, before[2] - 4n]);
    const entries = await t.app.database.sql<{ tx_id: string; n: number }[]>`
      select tx_id::text, count(*)::int as n from ledger_entries where tx_id = any(${txIds}::bigint[]) group by tx_id`;
    expect(entries.map((e) => e.n)).toEqual([2, 2, 2]);
    const keys = await t.app.database.sql<{ id: string; idempotency_key: string }[]>`
      select id::text, idempotency_key from ledger_transactions where id = any(${txIds}::bigint[]) order by id`;
    expect(keys.map((k) => [k.id, k.idempotency_key])).toEqual(txIds.map((id, i) => [id, `m${i + 1}`]));
    await assertLedgerInvariants(t.app);
  });

  it('writes nothing when one posting would overdraw or reuses a key', async () => {
    const before = await balances();
    expect(await codeOf(post([move('m4', 0, 1, 1n), move('m5', 1, 2, before[1] + 2n)]))).toBe(
      'INSUFFICIENT_FUNDS',
    );
    expect(await codeOf(post([move('m6', 0, 1, 1n), move('m1', 1, 2, 1n)]))).not.toBe('ok');
    expect(await balances()).toEqual(before);
    const [left] = await t.app.database.sql<{ n: number }[]>`
      select count(*)::int as n from ledger_transactions where idempotency_key in ('m4', 'm5', 'm6')`;
    expect(left.n).toBe(0);
    expect(await codeOf(post([{ ...move('m7', 0, 1, 3n), legs: [move('m7', 0, 1, 3n).legs[0]] }]))).toBe(
      'INTERNAL',
    );
    await assertLedgerInvariants(t.app);
  });
});
