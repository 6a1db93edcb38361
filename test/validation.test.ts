import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitLargestRemainder } from '../src/ledger/splitLargestRemainder.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';

let t: TestApp;
let owner: string;
let poet: string;
let datanetId: string;
const validators: string[] = [];

beforeAll(async () => {
  // Several connections on PostgreSQL, so the concurrency test really runs votes in parallel there.
  t = await createTestApp({}, { maxConnections: 8 });
  owner = await fundedPerson(t.app, 'owner');
  poet = await fundedPerson(t.app, 'poet');
  const d = await t.app.datanets.create({
    ownerAccountId: owner,
    name: 'English Verse',
    languages: ['en'],
    deposit: (2n * TOKEN).toString(),
    minStake: (10n * TOKEN).toString(),
    quorumVotes: 3,
    approvalBps: 6000,
    validationReward: (3n * TOKEN).toString(),
    dailyItems: 1000,
  });
  datanetId = d.id;
  await t.app.datanets.fundPool({
    accountId: owner,
    datanetId,
    amount: (50n * TOKEN).toString(),
    idempotencyKey: 'fund',
  });
  for (let i = 0; i < 10; i++) {
    const v = await fundedPerson(t.app, `validator${i}`);
    // Stakes 20..29 tokens: different weights, with room above the minimum for losing-side penalties.
    await t.app.validation.stake({
      accountId: v,
      datanetId,
      amount: ((20n + BigInt(i)) * TOKEN).toString(),
      idempotencyKey: 'stake',
    });
    validators.push(v);
  }
});
afterAll(async () => t?.cleanup());

const line = (i: number) =>
  `Line ${i}: the quiet river carries silver light beneath the sleeping hills tonight.`;
async function contribute(texts: string[], key: string): Promise<string[]> {
  const res = await t.app.contributions.submit({
    accountId: poet,
    datanetId,
    idempotencyKey: key,
    items: texts.map((text) => ({ text })),
  });
  expect(res.refused).toEqual([]);
  return res.accepted.map((a) => a.contributionId);
}

describe('validation', () => {
  it('refuses self-votes, non-validators, and a changed second vote; repeats the same vote harmlessly', async () => {
    const [id] = await contribute([line(1)], 'a');
    await expect(
      t.app.validation.vote({ accountId: poet, contributionId: id, approve: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outsider = await fundedPerson(t.app);
    await expect(
      t.app.validation.vote({ accountId: outsider, contributionId: id, approve: true }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/stake at least 10 tokens/),
    });
    const first = await t.app.validation.vote({
      accountId: validators[0],
      contributionId: id,
      approve: true,
    });
    expect(first).toMatchObject({ replayed: false, status: 'pending', weight: 20n * TOKEN });
    const dup = await t.app.validation.vote({ accountId: validators[0], contributionId: id, approve: true });
    expect(dup.replayed).toBe(true);
    await expect(
      t.app.validation.vote({ accountId: validators[0], contributionId: id, approve: false }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const [n] = await t.app.database.sql`select count(*)::int as n from votes where contribution_id = ${id}`;
    expect(n.n).toBe(1);
  });

  it('shows the review queue without own, voted or decided items', async () => {
    const queue = await t.app.validation.reviewQueue({ accountId: validators[0], datanetId });
    expect(queue.every((q) => q.contribution.contributorAccountId !== validators[0])).toBe(true);
    const voted = await t.app.database
      .sql`select contribution_id from votes where validator_account_id = ${validators[0]}`;
    const votedIds = new Set(voted.map((r) => r.contribution_id));
    expect(queue.some((q) => votedIds.has(q.contribution.id))).toBe(false);
    expect((await t.app.validation.reviewQueue({ accountId: poet, datanetId })).length).toBe(0);
  });

  it('approves at quorum, returns the deposit, pays reward and penalty to the winners by stake', async () => {
    const [id] = await contribute([line(2)], 'b');
    const poetBefore = (await t.app.ledger.getBalance({ accountId: poet })).available;
    const v = [validators[1], validators[2], validators[3]];
    const before = await Promise.all(v.map((a) => t.app.ledger.getBalance({ accountId: a })));
    await t.app.validation.vote({ accountId: v[0], contributionId: id, approve: true });
    await t.app.validation.vote({ accountId: v[1], contributionId: id, approve: false });
    const last = await t.app.validation.vote({ accountId: v[2], contributionId: id, approve: true });
    // weights 21 + 23 approve vs 22 reject: 44/66 = 66.7% >= 60%
    expect(last.status).toBe('approved');
    expect(last.outcome?.rewardPaid).toBe(3n * TOKEN);
    // The loser forfeits 1% (the default loss_bps) of the 22 tokens it voted with.
    const penalty = (22n * TOKEN) / 100n;
    expect(last.outcome?.penalties).toBe(penalty);
    const after = await Promise.all(v.map((a) => t.app.ledger.getBalance({ accountId: a })));
    const gains = after.map((b, i) => b.available - before[i].available);
    expect(gains[1]).toBe(0n);
    expect(gains[0] + gains[2]).toBe(3n * TOKEN + penalty);
    expect([gains[0], gains[2]]).toEqual(splitLargestRemainder(3n * TOKEN + penalty, [21n, 23n]));
    const loser = (await t.app.validation.status({ accountId: v[1] })).stakes[0];
    expect(loser.staked).toBe(22n * TOKEN - penalty);
    await assertLedgerInvariants(t.app);
    expect((await t.app.ledger.getBalance({ accountId: poet })).available - poetBefore).toBe(2n * TOKEN);
    expect(after[0].earnedByRole.validator).toBeGreaterThan(0n);
    await expect(
      t.app.validation.vote({ accountId: validators[4], contributionId: id, approve: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('rejects and gives the forfeited deposit to the winning side', async () => {
    const [id] = await contribute([line(3)], 'c');
    const v = [validators[5], validators[6], validators[7]];
    const before = await Promise.all(v.map((a) => t.app.ledger.getBalance({ accountId: a })));
    for (const a of v)
      await t.app.validation.vote({
        accountId: a,
        contributionId: id,
        approve: false,
        reason: 'not original',
      });
    const after = await Promise.all(v.map((a) => t.app.ledger.getBalance({ accountId: a })));
    const total = after.reduce((s, b, i) => s + b.available - before[i].available, 0n);
    expect(total).toBe(3n * TOKEN + 2n * TOKEN);
    const [o] = await t.app.database
      .sql`select penalties::text from validation_outcomes where contribution_id = ${id}`;
    expect(o.penalties).toBe('0');
    expect((await t.app.contributions.get({ contributionId: id })).status).toBe('rejected');
  });

  it('refuses to unstake while a vote is open, and allows it once decided', async () => {
    const [id] = await contribute([line(4)], 'd');
    const v = validators[8];
    await t.app.validation.vote({ accountId: v, contributionId: id, approve: true });
    await expect(t.app.validation.unstake({ accountId: v, datanetId })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await t.app.validation.vote({ accountId: validators[9], contributionId: id, approve: true });
    await t.app.validation.vote({ accountId: validators[0], contributionId: id, approve: true });
    const status = await t.app.validation.status({ accountId: v });
    expect(status.stakes[0]).toMatchObject({ openVotes: 0, votesCast: 1, votesWon: 1 });
    expect((await t.app.validation.unstake({ accountId: v, datanetId })).returned).toBe(28n * TOKEN);
    validators.splice(8, 1);
  });

  it('decides each outcome exactly once under 200 concurrent votes', async () => {
    const voters = validators.slice(0, 8);
    const ids = await contribute(
      Array.from({ length: 25 }, (_, i) => line(100 + i)),
      'many',
    );
    const before = await Promise.all(voters.map((a) => t.app.ledger.getBalance({ accountId: a })));
    const pool0 = (await t.app.datanets.get({ datanet: datanetId })).poolBalance;
    const stakesBefore = await Promise.all(voters.map((a) => t.app.validation.status({ accountId: a })));
    // 25 contributions x 8 validators = 200 votes at once; votes alternate so some contributions reject.
    const attempts = ids.flatMap((id, ci) =>
      voters.map((accountId, vi) =>
        t.app.validation
          .vote({
            accountId,
            contributionId: id,
            approve: (ci + vi) % 4 !== 0 || ci % 5 === 0 ? ci % 5 !== 0 : false,
          })
          .then(
            (r) => ({ ok: true as const, r }),
            (e) => ({ ok: false as const, code: e.code as string }),
          ),
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.length).toBe(200);
    for (const r of results) if (!r.ok) expect(r.code).toBe('INVALID_STATE');
    const outcomes = await t.app.database.sql<
      { contribution_id: string; approved: boolean; reward_paid: string; penalties: string; n: number }[]
    >`
      select o.contribution_id, o.approved, o.reward_paid, o.penalties, (select count(*)::int from validation_outcomes x where x.contribution_id = o.contribution_id) as n
      from validation_outcomes o where o.contribution_id = any(${ids})`;
    expect(outcomes.length).toBe(25);
    expect(outcomes.every((o) => o.n === 1)).toBe(true);
    const decidedBy = results.filter((r) => r.ok && r.r.outcome).length;
    expect(decidedBy).toBe(25);
    // Money: what the voters gained equals rewards paid plus deposits and stake forfeited, exactly,
    // and the stake the losers forfeited is exactly what left the stakes account.
    const after = await Promise.all(voters.map((a) => t.app.ledger.getBalance({ accountId: a })));
    const gained = after.reduce((s, b, i) => s + b.available - before[i].available, 0n);
    const rewards = outcomes.reduce((s, o) => s + BigInt(o.reward_paid), 0n);
    const penalties = outcomes.reduce((s, o) => s + BigInt(o.penalties), 0n);
    const forfeited = BigInt(outcomes.filter((o) => !o.approved).length) * 2n * TOKEN;
    expect(penalties).toBeGreaterThan(0n);
    expect(gained).toBe(rewards + forfeited + penalties);
    const stakesAfter = await Promise.all(voters.map((a) => t.app.validation.status({ accountId: a })));
    const stakeLost = stakesBefore.reduce(
      (s, b, i) => s + b.stakes[0].staked - stakesAfter[i].stakes[0].staked,
      0n,
    );
    expect(stakeLost).toBe(penalties);
    const [perVote] = await t.app.database.sql`
      select coalesce(sum(paid), 0)::text as paid, coalesce(sum(penalty), 0)::text as penalty
      from votes where contribution_id = any(${ids})`;
    expect(perVote).toEqual({
      paid: (rewards + forfeited + penalties).toString(),
      penalty: penalties.toString(),
    });
    await assertLedgerInvariants(t.app);
    expect(pool0 - (await t.app.datanets.get({ datanet: datanetId })).poolBalance).toBe(rewards);
    // Each voter gained exactly their stake-weighted share of the contributions they won.
    const votes = await t.app.database.sql<
      { contribution_id: string; validator_account_id: string; weight: string; approve: boolean }[]
    >`
      select contribution_id, validator_account_id, weight, approve from votes where contribution_id = any(${ids})
      order by validator_account_id`;
    const expected = new Map<string, bigint>();
    for (const o of outcomes) {
      const winners = votes.filter(
        (v) => v.contribution_id === o.contribution_id && v.approve === o.approved,
      );
      const pot = BigInt(o.reward_paid) + BigInt(o.penalties) + (o.approved ? 0n : 2n * TOKEN);
      const shares = splitLargestRemainder(
        pot,
        winners.map((w) => BigInt(w.weight)),
      );
      winners.forEach((w, i) => {
        expected.set(w.validator_account_id, (expected.get(w.validator_account_id) ?? 0n) + shares[i]);
      });
    }
    for (const [i, v] of voters.entries()) {
      expect(after[i].available - before[i].available).toBe(expected.get(v) ?? 0n);
    }
    const statuses = await t.app.database
      .sql`select distinct status from contributions where id = any(${ids})`;
    expect(statuses.map((s) => s.status).sort()).toEqual(['approved', 'rejected']);
  });
});
