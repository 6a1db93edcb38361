import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCROW_SHARDS, inferenceEscrowOf } from '../src/inference/ledgerAccountIds.ts';
import { releaseReservation } from '../src/inference/releaseReservation.ts';
import { reserveFee } from '../src/inference/reserveFee.ts';
import { postTransaction } from '../src/ledger/postTransaction.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { publishPaidModel } from './support/publishPaidModel.ts';

/*
 * Migration 0025 grew the inference escrow from 16 shards to 128 and moved the fees already reserved
 * to their new shard. Here calls are reserved, their fees put back where the 16-shard rule held them
 * (as before the migration), and the migration's move applied: every fee must then sit in the shard
 * its settlement or refund debits, so refunding them all empties the escrow exactly.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

const OLD_SHARDS = 16n;
const shardName = (id: bigint) => `inference_escrow_${id}`;

describe('inference escrow shards (migration 0025)', () => {
  it('moves fees reserved under 16 shards to their 128-shard home, so each refund finds its fee', async () => {
    expect(ESCROW_SHARDS).toBe(128);
    const deps = t.app.deps;
    const paid = await publishPaidModel(t.app, 1_000_003n);
    const caller = await fundedPerson(t.app, 'caller');
    const calls: { callId: string; attempt: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await reserveFee(deps, {
        callerAccountId: caller,
        idempotencyKey: `k${i}`,
        requestHash: `h${i}`,
        modelId: paid.modelId,
        fee: paid.fee,
        seed: i,
        prompt: 'The river keeps a ledger',
      });
      if (r.state !== 'reserved') throw new Error('expected a new reservation');
      calls.push({ callId: r.callId, attempt: r.attempt });
    }
    // Where the fees sat before the migration: shard (id % 16).
    const sql = t.app.database.sql;
    const systemId = async (name: string) =>
      (await sql<{ id: string }[]>`select id from ledger_accounts where system_name = ${name}`)[0].id;
    let moved = 0;
    for (const c of calls) {
      const oldShard = BigInt(c.callId) % OLD_SHARDS;
      if (oldShard === BigInt(c.callId) % BigInt(ESCROW_SHARDS)) continue;
      moved += 1;
      await postTransaction(sql, {
        kind: 'test_unshard',
        legs: [
          { ledgerAccountId: inferenceEscrowOf(deps, c.callId), amount: -paid.fee },
          { ledgerAccountId: await systemId(shardName(oldShard)), amount: paid.fee },
        ],
      });
    }
    expect(moved).toBeGreaterThan(0);

    const migration = fs.readFileSync(
      new URL('../migrations/0025_inference_escrow_shards.sql', import.meta.url),
      'utf8',
    );
    const move = migration.slice(migration.indexOf('-- Fees reserved before this migration'));
    await sql.unsafe(move);

    const held = await sql<{ id: string; balance: string }[]>`
      select id, balance::text from ledger_accounts where system_name like 'inference_escrow_%' and balance <> 0`;
    const expected = new Map<string, bigint>();
    for (const c of calls) {
      const shard = inferenceEscrowOf(deps, c.callId);
      expected.set(shard, (expected.get(shard) ?? 0n) + paid.fee);
    }
    expect(new Map(held.map((r) => [r.id, BigInt(r.balance)]))).toEqual(expected);

    for (const c of calls) expect(await releaseReservation(deps, { ...c, reason: 'test' })).toBe(true);
    const [left] = await sql<{ s: string }[]>`
      select coalesce(sum(balance), 0)::text as s from ledger_accounts where system_name like 'inference_escrow_%'`;
    expect(left.s).toBe('0');
    await assertLedgerInvariants(t.app);
  });
});
