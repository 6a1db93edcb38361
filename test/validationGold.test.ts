import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer } from '../mcp/createMcpServer.ts';
import { snapshotContributions } from '../src/training/snapshotContributions.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';

let t: TestApp;
let clock = Date.parse('2026-04-01T10:00:00Z');
const DAY = 86_400_000;
let owner: string;
let poet: string;
let datanetId: string;
const v: string[] = [];
let gold: { contributionId: string; approve: boolean }[] = [];

const text = (tag: string, i: number) =>
  `Verse ${tag} ${i}: a heron writes its patient name across the shallow morning water.`;

async function seedGold(tag: string, answers: boolean[]) {
  const r = await t.app.validation.seedGold({
    accountId: owner,
    datanetId,
    idempotencyKey: tag,
    items: answers.map((approve, i) => ({ text: text(`seeded ${tag}`, i), approve })),
  });
  expect(r.refused).toEqual([]);
  return r.gold;
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date(clock) });
  owner = await fundedPerson(t.app, 'owner');
  poet = await fundedPerson(t.app, 'poet');
  const d = await t.app.datanets.create({
    ownerAccountId: owner,
    name: 'Gold Verse',
    deposit: TOKEN.toString(),
    minStake: (10n * TOKEN).toString(),
    quorumVotes: 2,
    approvalBps: 6000,
    validationReward: (2n * TOKEN).toString(),
    dailyItems: 1000,
    goldMinAnswers: 5,
    goldMinAccuracyBps: 5000,
  });
  datanetId = d.id;
  await t.app.datanets.fundPool({
    accountId: owner,
    datanetId,
    amount: (20n * TOKEN).toString(),
    idempotencyKey: 'f',
  });
  for (let i = 0; i < 3; i++) {
    v.push(await fundedPerson(t.app, `v${i}`));
    await t.app.validation.stake({
      accountId: v[i],
      datanetId,
      amount: (20n * TOKEN).toString(),
      idempotencyKey: 's',
    });
  }
});
afterAll(async () => t?.cleanup());

describe('gold items', () => {
  it('only the owner seeds them, and in the queue they look like any other item', async () => {
    await expect(
      t.app.validation.seedGold({
        accountId: poet,
        datanetId,
        idempotencyKey: 'x',
        items: [{ text: text('x', 0), approve: true }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    gold = await seedGold('a', [true, false, true, false, true, true]);
    expect(gold.length).toBe(6);
    await t.app.contributions.submit({
      accountId: poet,
      datanetId,
      idempotencyKey: 'p',
      items: [{ text: text('real', 0) }],
    });
    const queue = await t.app.validation.reviewQueue({ accountId: v[0], datanetId, limit: 100 });
    expect(queue.length).toBe(7);
    const shapes = new Set(
      queue.map((q) => JSON.stringify(Object.keys(q.contribution).concat(Object.keys(q)))),
    );
    expect(shapes.size).toBe(1);
    expect(JSON.stringify(queue, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))).not.toMatch(/gold/i);
    const goldDeposits = queue.filter((q) => gold.some((g) => g.contributionId === q.contribution.id));
    expect(goldDeposits.every((q) => q.contribution.deposit === TOKEN)).toBe(true);
  });

  it('are scored, never decided and never trained on', async () => {
    for (const g of gold) {
      const wrong = await t.app.validation.vote({
        accountId: v[0],
        contributionId: g.contributionId,
        approve: !g.approve,
      });
      expect(wrong).toMatchObject({ status: 'pending', outcome: null, replayed: false });
      for (const right of [v[1], v[2]])
        await t.app.validation.vote({
          accountId: right,
          contributionId: g.contributionId,
          approve: g.approve,
        });
    }
    const ids = gold.map((g) => g.contributionId);
    const statuses = await t.app.database
      .sql`select distinct status from contributions where id = any(${ids})`;
    expect(statuses.map((s) => s.status)).toEqual(['pending']);
    expect(
      await t.app.database.sql`select 1 from validation_outcomes where contribution_id = any(${ids})`,
    ).toEqual([]);
    expect(
      (await snapshotContributions(t.app.database.sql, datanetId)).contributionIds.some((id) =>
        ids.includes(id),
      ),
    ).toBe(false);
    // Today's gold answers do not show yet: a validator cannot tell which item was gold.
    expect((await t.app.validation.status({ accountId: v[0] })).stakes[0]).toMatchObject({
      goldAnswered: 0,
      suspended: false,
    });
  });

  it('stops paying a validator below the gold threshold until their accuracy recovers', async () => {
    clock += DAY;
    const [s0] = (await t.app.validation.status({ accountId: v[0] })).stakes;
    expect(s0).toMatchObject({ goldAnswered: 6, goldCorrect: 0, goldAccuracyBps: 0, suspended: true });
    expect((await t.app.validation.status({ accountId: v[1] })).stakes[0]).toMatchObject({
      goldAccuracyBps: 10_000,
      suspended: false,
    });

    const [real] = (await t.app.validation.reviewQueue({ accountId: v[0], datanetId })).filter(
      (q) => q.contribution.contributorAccountId === poet,
    );
    const before = (await t.app.ledger.getBalance({ accountId: v[0] })).available;
    await t.app.validation.vote({ accountId: v[0], contributionId: real.contribution.id, approve: true });
    const decided = await t.app.validation.vote({
      accountId: v[1],
      contributionId: real.contribution.id,
      approve: true,
    });
    expect(decided.outcome?.payouts).toEqual([{ accountId: v[1], amount: 2n * TOKEN }]);
    expect((await t.app.ledger.getBalance({ accountId: v[0] })).available).toBe(before);

    // Six right answers bring v0 to 50%: from the next day on, v0 earns again.
    const more = await seedGold('b', [true, false, true, false, true, false]);
    for (const g of more)
      await t.app.validation.vote({ accountId: v[0], contributionId: g.contributionId, approve: g.approve });
    clock += DAY;
    expect((await t.app.validation.status({ accountId: v[0] })).stakes[0]).toMatchObject({
      goldAccuracyBps: 5000,
      suspended: false,
    });
    // A gold item past its first window still shows a future closing time, like a fresh item.
    const [later] = await seedGold('c', [true]);
    clock += 20 * DAY;
    const item = (await t.app.validation.reviewQueue({ accountId: v[1], datanetId, limit: 100 })).find(
      (q) => q.contribution.id === later.contributionId,
    );
    // Seeded 20 days ago with a 7-day window: it shows the third window, closing in a day.
    expect(item!.closesAt.getTime()).toBe(clock + DAY);
    const sent = await t.app.contributions.submit({
      accountId: poet,
      datanetId,
      idempotencyKey: 'p2',
      items: [{ text: text('real', 1) }],
    });
    const id = sent.accepted[0].contributionId;
    await t.app.validation.vote({ accountId: v[0], contributionId: id, approve: true });
    const again = await t.app.validation.vote({ accountId: v[2], contributionId: id, approve: true });
    expect(again.outcome?.payouts.map((p) => p.accountId).sort()).toEqual([v[0], v[2]].sort());
    await assertLedgerInvariants(t.app);
  });

  it('shows agreement, gold accuracy, votes and earnings on a datanet leaderboard', async () => {
    const board = await t.app.validation.leaderboard({ datanetId });
    // v0 and v2 earned 1 token each at full agreement: more decided votes ranks v0 first.
    expect(board.validators.map((r) => r.accountId)).toEqual([v[1], v[0], v[2]]);
    expect(board.validators[0]).toMatchObject({
      votesCast: 1,
      votesWon: 1,
      agreementBps: 10_000,
      earned: 2n * TOKEN,
      goldAccuracyBps: 10_000,
    });
    expect(board.validators[1]).toMatchObject({
      votesCast: 2,
      votesWon: 2,
      goldAnswered: 12,
      goldCorrect: 6,
    });
    const paid = await t.app.database.sql`select coalesce(sum(paid), 0)::text as s from votes`;
    expect(board.validators.reduce((s, r) => s + r.earned, 0n).toString()).toBe(paid[0].s);
  });

  it('over MCP: the owner seeds gold, a validator reads their reputation and the leaderboard', async () => {
    const as = async (accountId: string) => {
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await createMcpServer(t.app, { accountId, keyId: null }).connect(serverSide);
      const client = new Client({ name: 'gold-test', version: '1.0.0' });
      await client.connect(clientSide);
      return client;
    };
    const call = async (c: Client, name: string, args: Record<string, unknown>) => {
      const r = (await c.callTool({ name, arguments: args })) as CallToolResult;
      return { r, text: r.content.map((x) => (x.type === 'text' ? x.text : '')).join('\n') };
    };
    const ownerMcp = await as(owner);
    const seeded = await call(ownerMcp, 'seed_gold_items', {
      datanetId,
      items: [{ text: text('mcp', 0), approve: true }],
      idempotencyKey: 'mcp-gold',
    });
    expect(seeded.r.isError ?? false).toBe(false);
    expect((seeded.r.structuredContent as { gold: unknown[] }).gold.length).toBe(1);
    const v1Mcp = await as(v[1]);
    const refused = await call(v1Mcp, 'seed_gold_items', {
      datanetId,
      items: [{ text: text('mcp', 1), approve: true }],
      idempotencyKey: 'mcp-gold',
    });
    expect(refused.r.isError).toBe(true);
    const status = await call(v1Mcp, 'get_validator_status', {});
    expect(status.r.structuredContent).toMatchObject({
      stakes: [{ datanetId, agreementBps: 10_000, goldAccuracyBps: 10_000, earned: (2n * TOKEN).toString() }],
    });
    expect(status.text).toContain('agreement 100%');
    const board = await call(v1Mcp, 'get_validator_leaderboard', { datanetId });
    expect(
      (board.r.structuredContent as { validators: { accountId: string }[] }).validators[0].accountId,
    ).toBe(v[1]);
    expect(board.text).toMatch(/^1\. /);
    await ownerMcp.close();
    await v1Mcp.close();
  });
});
