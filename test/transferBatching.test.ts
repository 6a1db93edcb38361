import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/errors.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';

/*
 * Concurrent transfers share a commit (src/ledger/postBatched.ts PostingBatcher, ledger_post_batch): all started in
 * the same tick, the first goes out alone and the rest together. Each must still end as it would have
 * alone, in order: all-or-nothing, never an overdraft, keys replayed or refused as before.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

const balanceOf = async (accountId: string) => {
  const [row] = await t.app.database.sql<{ balance: string }[]>`
    select balance::text from ledger_accounts where owner_account_id = ${accountId} and kind = 'available'`;
  return BigInt(row.balance);
};
const outcome = (p: Promise<{ txId: string; replayed: boolean }>) =>
  p.then(
    (r) => ({ ok: true as const, ...r }),
    (e: unknown) => ({ ok: false as const, code: isAppError(e) ? e.code : String(e) }),
  );

describe('batched transfers', () => {
  it('commits every transfer of a batch that all fit, each with its own transaction, and replays them by key', async () => {
    const people: string[] = [];
    for (let i = 0; i < 4; i++) people.push(await fundedPerson(t.app, `b${i}`));
    const before = await Promise.all(people.map(balanceOf));
    const requests = Array.from({ length: 24 }, (_, n) => ({
      fromAccountId: people[n % 4],
      toAccountId: people[(n + 1 + (n % 3)) % 4],
      amount: String(1000 + n),
      idempotencyKey: `all-${n}`,
    }));
    const results = await Promise.all(requests.map((r) => t.app.ledger.transfer(r)));
    expect(results.every((r) => !r.replayed)).toBe(true);
    expect(new Set(results.map((r) => r.txId)).size).toBe(24);
    const expected = [...before];
    requests.forEach((r, n) => {
      expected[people.indexOf(r.fromAccountId)] -= BigInt(1000 + n);
      expected[people.indexOf(r.toAccountId)] += BigInt(1000 + n);
    });
    expect(await Promise.all(people.map(balanceOf))).toEqual(expected);
    const again = await Promise.all(requests.map((r) => t.app.ledger.transfer(r)));
    expect(again.map((r) => r.txId)).toEqual(results.map((r) => r.txId));
    expect(again.every((r) => r.replayed)).toBe(true);
    expect(await Promise.all(people.map(balanceOf))).toEqual(expected);
    await assertLedgerInvariants(t.app);
  });

  it('fails only the transfers that would overdraw, in order, and commits the rest', async () => {
    const a = await fundedPerson(t.app, 'spender');
    const b = await fundedPerson(t.app, 'payee');
    const c = await fundedPerson(t.app, 'other');
    const start = await balanceOf(a);
    const share = start / 4n + 1n; // four would overdraw, three fit
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, n) =>
        outcome(
          t.app.ledger.transfer({
            fromAccountId: a,
            toAccountId: b,
            amount: share.toString(),
            idempotencyKey: `od-${n}`,
          }),
        ),
      ),
      outcome(
        t.app.ledger.transfer({ fromAccountId: c, toAccountId: b, amount: '7', idempotencyKey: 'od-c' }),
      ),
    ]);
    expect(results.slice(0, 6).filter((r) => r.ok)).toHaveLength(3);
    expect(
      results
        .slice(0, 6)
        .filter((r) => !r.ok)
        .map((r) => !r.ok && r.code),
    ).toEqual(['INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS']);
    expect(results[6].ok).toBe(true);
    expect(await balanceOf(a)).toBe(start - 3n * share);
    await assertLedgerInvariants(t.app);
    // A refused transfer left nothing behind: its key is free for a transfer that fits.
    const refused = results.findIndex((r) => !r.ok);
    const retry = await t.app.ledger.transfer({
      fromAccountId: a,
      toAccountId: b,
      amount: '1',
      idempotencyKey: `od-${refused}`,
    });
    expect(retry.replayed).toBe(false);
  });

  it('keeps key semantics inside one batch: the same request replays, another request with the key is a conflict', async () => {
    const a = await fundedPerson(t.app, 'keyed');
    const b = await fundedPerson(t.app, 'keyed-payee');
    const same = { fromAccountId: a, toAccountId: b, amount: '5', idempotencyKey: 'dup' };
    const results = await Promise.all([
      outcome(
        t.app.ledger.transfer({ fromAccountId: b, toAccountId: a, amount: '1', idempotencyKey: 'pad' }),
      ),
      outcome(t.app.ledger.transfer(same)),
      outcome(t.app.ledger.transfer(same)),
      outcome(t.app.ledger.transfer({ ...same, amount: '6' })),
      outcome(
        t.app.ledger.transfer({
          fromAccountId: a,
          toAccountId: '987654321',
          amount: '1',
          idempotencyKey: 'x',
        }),
      ),
    ]);
    const [, first, second, other, missing] = results;
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.txId).toBe(first.txId);
    expect([first.replayed, second.replayed]).toEqual([false, true]);
    expect(other).toEqual({ ok: false, code: 'CONFLICT' });
    expect(missing).toEqual({ ok: false, code: 'NOT_FOUND' });
    const [count] = await t.app.database.sql<{ n: number }[]>`
      select count(*)::int as n from ledger_transactions where idempotency_key = ${`transfer:${a}:dup`}`;
    expect(count.n).toBe(1);
    await assertLedgerInvariants(t.app);
  });
});
