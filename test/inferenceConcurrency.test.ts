import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/errors.ts';
import type { InvokeModelResult } from '../src/inference/invokeModel.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

let t: TestApp;
let modelId: string;
const PRICE = 1_000_003n;
const CALLERS = 10;
const KEYS_PER_CALLER = 40;
const AFFORDABLE = 20;
/** Of every caller's keys, these are sent twice at once. */
const DUPLICATED = 10;
const callers: string[] = [];

beforeAll(async () => {
  t = await createTestApp({}, { maxConnections: 16 });
  const texts = fixtureContributions.map((c) => c.text);
  const seeded = await seedApprovedDatanet(t.app, {
    name: 'Concurrent Verse',
    texts,
    authors: texts.map((_, i) => i % 4),
    authorCount: 4,
  });
  const developer = await fundedPerson(t.app, 'developer');
  const { run } = await t.app.training.start({
    accountId: developer,
    datanetId: seeded.datanetId,
    idempotencyKey: 'k',
  });
  for await (const r of t.app.training.watch({ runId: run.id, intervalMs: 20 }))
    if (r.status === 'failed') throw r;
  const { model } = await t.app.models.publish({
    accountId: developer,
    runId: run.id,
    name: 'Busy Model',
    pricePerCall: PRICE.toString(),
    split: { developerBps: 3000, dataBps: 4000, validatorsBps: 2000, protocolBps: 1000 },
    idempotencyKey: 'publish',
  });
  modelId = model.id;
  // Each caller holds enough for AFFORDABLE calls and a little change, never one more.
  for (let i = 0; i < CALLERS; i++) {
    const { accountId } = await t.app.accounts.resolveIdentity({ identity: `telegram:${700_000 + i}` });
    await t.app.ledger.transfer({
      fromAccountId: developer,
      toAccountId: accountId,
      amount: (PRICE * BigInt(AFFORDABLE) + PRICE - 1n).toString(),
      idempotencyKey: `fund-${i}`,
    });
    callers.push(accountId);
  }
});
afterAll(async () => t?.cleanup());

const prompts = ['The river keeps a ledger', 'My grandmother folded', 'Neon hums a lullaby', 'باران'];

describe('500 concurrent paid calls on limited balances', () => {
  it('never overdraws, charges each accepted call once, and replays return the same receipt', async () => {
    const requests = callers.flatMap((accountId, c) =>
      Array.from({ length: KEYS_PER_CALLER }, (_, k) => ({
        accountId,
        modelId,
        prompt: prompts[(c + k) % prompts.length],
        maxTokens: 12,
        idempotencyKey: `call-${k}`,
      })),
    );
    const sent = [...requests, ...requests.filter((r) => Number(r.idempotencyKey.slice(5)) < DUPLICATED)];
    expect(sent).toHaveLength(500);
    // Interleave callers and duplicates so every balance sees contention at once.
    sent.sort((a, b) => (a.idempotencyKey + a.accountId < b.idempotencyKey + b.accountId ? -1 : 1));
    type Outcome = { r: (typeof sent)[number]; result?: InvokeModelResult; code?: string };
    const outcomes = await Promise.all(
      sent.map((r) =>
        t.app.inference.invoke(r).then(
          (result): Outcome => ({ r, result }),
          (error): Outcome => {
            if (!isAppError(error)) throw error;
            return { r, code: error.code };
          },
        ),
      ),
    );
    expect(new Set(outcomes.filter((o) => o.code).map((o) => o.code))).toEqual(
      new Set(['INSUFFICIENT_FUNDS']),
    );

    const byKey = new Map<string, typeof outcomes>();
    for (const o of outcomes) {
      const key = `${o.r.accountId}/${o.r.idempotencyKey}`;
      byKey.set(key, [...(byKey.get(key) ?? []), o]);
    }
    for (const [key, group] of byKey) {
      const receipts = new Set(group.map((o) => o.result?.receipt.receiptHash ?? 'refused'));
      expect(receipts.size, `one outcome for ${key}`).toBe(1);
    }
    for (const accountId of callers) {
      const accepted = [...byKey.entries()].filter(
        ([key, group]) => key.startsWith(`${accountId}/`) && group[0].result,
      ).length;
      expect(accepted).toBe(AFFORDABLE);
      expect((await t.app.ledger.getBalance({ accountId })).available).toBe(PRICE - 1n);
    }

    const [counts] = await t.app.database.sql`
      select count(*) filter (where status = 'settled')::int as settled,
        count(*) filter (where status <> 'settled')::int as other from inference_calls`;
    expect(counts).toEqual({ settled: CALLERS * AFFORDABLE, other: 0 });
    const charged = await t.app.database.sql`
      select memo->>'receiptId' as id, count(*)::int as n from ledger_transactions
      where kind = 'inference_reserve' group by 1 having count(*) <> 1`;
    expect(charged).toEqual([]);
    const model = await t.app.models.get({ model: modelId });
    expect(model.usage).toEqual({ calls: CALLERS * AFFORDABLE, fees: PRICE * BigInt(CALLERS * AFFORDABLE) });
    await assertLedgerInvariants(t.app);

    const replay = outcomes.find((o) => o.result)!;
    const again = await t.app.inference.invoke(replay.r);
    expect(again.replayed).toBe(true);
    expect(again.receipt).toEqual(replay.result!.receipt);
  });
});
