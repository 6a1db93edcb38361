import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/errors.ts';
import { type Reservation, type ReservationRequest, reserveFee } from '../src/inference/reserveFee.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { type PaidModel, publishPaidModel } from './support/publishPaidModel.ts';

/*
 * Reservations sent in the same tick: the first finds the batcher idle and goes alone, the rest
 * wait for it and go out as one batch (one statement, one commit). Each must still get its own
 * answer: a new key its own call, a key taken by another request CONFLICT, a key taken by the same
 * request that call again, a short balance INSUFFICIENT_FUNDS, and every balance moves exactly.
 */
let t: TestApp;
let paid: PaidModel;
let rich: string;
let poor: string;
beforeAll(async () => {
  t = await createTestApp();
  paid = await publishPaidModel(t.app, 1_000_003n);
  rich = await fundedPerson(t.app, 'rich');
  const { accountId } = await t.app.accounts.resolveIdentity({ identity: 'telegram:919191' });
  poor = accountId;
  // Enough for two calls and a little change, never a third.
  await t.app.ledger.transfer({
    fromAccountId: rich,
    toAccountId: poor,
    amount: (paid.fee * 3n - 1n).toString(),
    idempotencyKey: 'fund-poor',
  });
});
afterAll(async () => t?.cleanup());

const request = (caller: string, key: string, hash = `h-${key}`): ReservationRequest => ({
  callerAccountId: caller,
  idempotencyKey: key,
  requestHash: hash,
  modelId: paid.modelId,
  fee: paid.fee,
  seed: 7,
  prompt: 'The river keeps a ledger',
});

type Outcome = { reservation?: Reservation; code?: string };
const sendAtOnce = (requests: ReservationRequest[]): Promise<Outcome[]> =>
  Promise.all(
    requests.map((r) =>
      reserveFee(t.app.deps, r).then(
        (reservation) => ({ reservation }),
        (error) => {
          if (!isAppError(error)) throw error;
          return { code: error.code };
        },
      ),
    ),
  );
const available = async (accountId: string) => (await t.app.ledger.getBalance({ accountId })).available;
const callIdOf = (o: Outcome) => (o.reservation?.state === 'reserved' ? o.reservation.callId : undefined);

describe('group-committed reservations', () => {
  it('gives each call in a batch its own outcome: new, replayed, conflicting, short; balances exact', async () => {
    const [before] = await sendAtOnce([request(rich, 'taken')]);
    const takenId = callIdOf(before);
    expect(takenId).toBeDefined();
    const richStart = await available(rich);

    // Wave 1: every new key fits, so the batch is one statement.
    const fresh = Array.from({ length: 20 }, (_, i) => request(rich, `a${i}`));
    const wave1 = await sendAtOnce([
      request(rich, 'first'),
      ...fresh,
      request(rich, 'taken', 'another request'),
      request(rich, 'taken'),
      request(rich, 'twice'),
      request(rich, 'twice'),
    ]);
    const ids = [wave1[0], ...wave1.slice(1, 21)].map(callIdOf);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(21);
    expect(wave1[21]).toEqual({ code: 'CONFLICT' });
    expect(callIdOf(wave1[22])).toBe(takenId);
    expect(callIdOf(wave1[23])).toBeDefined();
    expect(callIdOf(wave1[24])).toBe(callIdOf(wave1[23]));
    // The twenty new keys committed together: one transaction wrote all their call rows.
    const [shared] = await t.app.database.sql<{ n: number }[]>`
      select count(distinct xmin::text)::int as n from inference_calls
      where caller_account_id = ${rich} and idempotency_key like 'a%'`;
    expect(shared.n).toBe(1);
    expect(await available(rich)).toBe(richStart - paid.fee * 22n);

    // Wave 2: the poor caller asks three times with funds for two; the batch cannot all fit, so
    // each goes alone and only the overdraft is refused.
    const poorStart = await available(poor);
    const wave2 = await sendAtOnce([
      request(rich, 'b-first'),
      request(rich, 'b0'),
      request(poor, 'p0'),
      request(rich, 'b1'),
      request(poor, 'p1'),
      request(rich, 'a3', 'a different request'),
      request(poor, 'p2'),
      request(rich, 'a4'),
    ]);
    const poorOutcomes = [wave2[2], wave2[4], wave2[6]];
    expect(poorOutcomes.filter((o) => o.code === 'INSUFFICIENT_FUNDS')).toHaveLength(1);
    expect(poorOutcomes.filter((o) => callIdOf(o))).toHaveLength(2);
    for (const i of [0, 1, 3]) expect(callIdOf(wave2[i])).toBeDefined();
    expect(wave2[5]).toEqual({ code: 'CONFLICT' });
    expect(callIdOf(wave2[7])).toBe(callIdOf(wave1[5]));
    expect(await available(poor)).toBe(poorStart - paid.fee * 2n);
    expect(poorStart - paid.fee * 2n).toBe(paid.fee - 1n);
    expect(await available(rich)).toBe(richStart - paid.fee * 25n);

    // One escrow post per reserved call, and the escrow holds exactly their fees.
    const [escrow] = await t.app.database.sql<{ calls: number; posts: number; held: string }[]>`
      select (select count(*)::int from inference_calls where status = 'reserved') as calls,
        (select count(*)::int from ledger_transactions where kind = 'inference_reserve') as posts,
        (select sum(balance)::text from ledger_accounts where system_name like 'inference_escrow_%') as held`;
    expect(escrow).toEqual({ calls: 28, posts: 28, held: (paid.fee * 28n).toString() });
    await assertLedgerInvariants(t.app);
  });
});
