import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeExpiredReviewsJob } from '../jobs/closeExpiredReviewsJob.ts';
import { jobDefinitions } from '../jobs/jobDefinitions.ts';
import { createMcpServer } from '../mcp/createMcpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';

let t: TestApp;
let clock = Date.parse('2026-03-01T12:00:00Z');
let poet: string;
const validators: string[] = [];
const HOUR = 3600_000;

async function datanet(name: string, expiryDecides: boolean): Promise<string> {
  const owner = await fundedPerson(t.app, `owner ${name}`);
  const d = await t.app.datanets.create({
    ownerAccountId: owner,
    name,
    deposit: (2n * TOKEN).toString(),
    minStake: (10n * TOKEN).toString(),
    quorumVotes: 3,
    approvalBps: 6000,
    validationReward: TOKEN.toString(),
    dailyItems: 1000,
    reviewWindowSeconds: 3600,
    expiryDecides,
  });
  await t.app.datanets.fundPool({
    accountId: owner,
    datanetId: d.id,
    amount: (10n * TOKEN).toString(),
    idempotencyKey: 'f',
  });
  for (const [i, v] of validators.entries()) {
    await t.app.validation.stake({
      accountId: v,
      datanetId: d.id,
      amount: ((20n + BigInt(i)) * TOKEN).toString(),
      idempotencyKey: `s${d.id}`,
    });
  }
  return d.id;
}

async function contribute(datanetId: string, n: number, tag: string): Promise<string[]> {
  const res = await t.app.contributions.submit({
    accountId: poet,
    datanetId,
    idempotencyKey: `${datanetId}-${tag}`,
    items: Array.from({ length: n }, (_, i) => ({
      text: `Poem ${tag} ${i}: the lantern keeps its small gold promise to the winter road.`,
    })),
  });
  expect(res.refused).toEqual([]);
  return res.accepted.map((a) => a.contributionId);
}

const vote = (v: number, contributionId: string, approve: boolean) =>
  t.app.validation.vote({ accountId: validators[v], contributionId, approve });

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date(clock), maxConnections: 8 });
  poet = await fundedPerson(t.app, 'poet');
  for (let i = 0; i < 4; i++) validators.push(await fundedPerson(t.app, `v${i}`));
});
afterAll(async () => t?.cleanup());

describe('sealed votes', () => {
  it('shows a third validator exactly the same thing on every surface before and after others vote', async () => {
    const d = await datanet('Sealed Verse', true);
    const [id] = await contribute(d, 1, 'sealed');
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(t.app, { accountId: validators[3], keyId: null }).connect(serverSide);
    const mcp = new Client({ name: 'sealed-test', version: '1.0.0' });
    await mcp.connect(clientSide);
    const tool = async (name: string, args: Record<string, unknown>) => {
      const r = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
      expect(r.isError ?? false).toBe(false);
      return JSON.stringify([r.structuredContent, r.content]);
    };
    const look = async () =>
      JSON.stringify(
        [
          await t.app.validation.reviewQueue({ accountId: validators[3], datanetId: d }),
          await t.app.validation.status({ accountId: validators[3] }),
          await t.app.contributions.get({ contributionId: id }),
          await t.app.datanets.get({ datanet: d }),
          await t.app.validation.leaderboard({ datanetId: d }),
          await tool('list_pending_reviews', { datanetId: d }),
          await tool('get_validator_status', {}),
          await tool('get_contribution', { contributionId: id }),
          await tool('get_datanet', { datanet: d }),
          await mcp.listResources(),
          await mcp.readResource({ uri: `potluck://contributions/${id}` }),
        ],
        (_k, v) => (typeof v === 'bigint' ? v.toString() : v),
      );
    const before = await look();
    expect(before).not.toMatch(/approveWeight|rejectWeight|so far/);
    await vote(0, id, true);
    await vote(1, id, false);
    // Two votes in, weights 20 for / 21 against: nothing a third validator can read has changed.
    expect(await look()).toBe(before);
    await vote(2, id, true);
    const after = await look();
    expect(after).not.toBe(before);
    await mcp.close();
  });

  it('pins the decision to the sealed votes: a tampered vote is refused when revealed', async () => {
    const d = await datanet('Tamper Verse', true);
    const [id] = await contribute(d, 1, 'tamper');
    await vote(0, id, true);
    await vote(1, id, true);
    const [row] = await t.app.database
      .sql`select commitment from votes where contribution_id = ${id} and validator_account_id = ${validators[1]}`;
    expect(row.commitment).toMatch(/^0x[0-9a-f]{64}$/);
    // Someone with database access flips a sealed vote: it no longer matches its commitment.
    await t.app.database
      .sql`update votes set approve = false where contribution_id = ${id} and validator_account_id = ${validators[1]}`;
    await expect(vote(2, id, true)).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.app.database
      .sql`update votes set approve = true where contribution_id = ${id} and validator_account_id = ${validators[1]}`;
    const decided = await vote(2, id, true);
    expect(decided.outcome?.votesCommitment).toMatch(/^0x[0-9a-f]{64}$/);
    const [o] = await t.app.database
      .sql`select votes_commitment from validation_outcomes where contribution_id = ${id}`;
    expect(o.votes_commitment).toBe(decided.outcome?.votesCommitment);
  });
});

describe('review windows', () => {
  it('closes expired contributions exactly once: decided on the votes present, or returned with the deposit', async () => {
    const decides = await datanet('Window Verse', true);
    const returns = await datanet('Strict Verse', false);
    const [approvedByTwo, noVotes, split] = await contribute(decides, 3, 'w');
    const [wouldApprove] = await contribute(returns, 1, 'strict');
    await vote(0, approvedByTwo, true);
    await vote(1, approvedByTwo, true);
    await vote(0, split, true);
    await vote(1, split, false);
    await vote(0, wouldApprove, true);
    await vote(1, wouldApprove, true);
    expect(await t.app.contributions.get({ contributionId: noVotes })).toMatchObject({ status: 'pending' });
    const poetBefore = (await t.app.ledger.getBalance({ accountId: poet })).available;

    clock += 2 * HOUR;
    // Past the window nobody can vote, and the queue no longer offers it.
    await expect(vote(2, noVotes, true)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await t.app.validation.reviewQueue({ accountId: validators[2], datanetId: decides })).toEqual([]);

    // Overlapping runs (several workers, a slow one and the next tick): each closes a disjoint set.
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => closeExpiredReviewsJob.process(t.app.deps, {}, undefined as never)),
    );
    const closed = runs.flat() as { contributionId: string; result: string }[];
    const mine = closed.filter((c) =>
      [approvedByTwo, noVotes, split, wouldApprove].includes(c.contributionId),
    );
    expect(mine.map((c) => c.contributionId).sort()).toEqual(
      [approvedByTwo, noVotes, split, wouldApprove].sort(),
    );
    expect(Object.fromEntries(mine.map((c) => [c.contributionId, c.result]))).toEqual({
      [approvedByTwo]: 'decided',
      [noVotes]: 'returned',
      [split]: 'returned',
      [wouldApprove]: 'returned',
    });
    const status = async (id: string) => (await t.app.contributions.get({ contributionId: id })).status;
    expect(await status(approvedByTwo)).toBe('approved');
    expect(await status(noVotes)).toBe('expired');
    expect(await status(split)).toBe('expired');
    expect(await status(wouldApprove)).toBe('expired');
    const [o] = await t.app.database
      .sql`select expired, votes from validation_outcomes where contribution_id = ${approvedByTwo}`;
    expect(o).toEqual({ expired: true, votes: 2 });
    // Deposits back: the approved one and the three returned ones, 2 tokens each, once.
    expect((await t.app.ledger.getBalance({ accountId: poet })).available - poetBefore).toBe(8n * TOKEN);
    expect(await closeExpiredReviewsJob.process(t.app.deps, {}, undefined as never)).toEqual([]);
    await assertLedgerInvariants(t.app);
  });

  it('is a periodic job in the service job list', () => {
    const job = jobDefinitions.find((j) => j.name === 'validation.closeExpired');
    expect(job?.everyMs?.(t.app.config)).toBeGreaterThan(0);
  });
});
