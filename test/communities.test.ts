import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../bots/i18n/translator.ts';
import { activityChart, earningsChart, receiptChart } from '../bots/shared/charts.ts';
import { CHART_HEIGHT, CHART_SCALE, CHART_WIDTH } from '../bots/shared/renderChart.ts';
import { createMcpServer } from '../mcp/createMcpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { callError, callOk } from './support/mcpTestClient.ts';
import { pngSize } from './support/pngSize.ts';
import { type PaidModel, publishPaidModel } from './support/publishPaidModel.ts';

// Leaderboards, dataset preview and charts (issue 18 points 2, 3, 7), through the real use cases.
let t: TestApp;
let paid: PaidModel;
let caller: string;
let receiptId: string;
let mcp: Client;

beforeAll(async () => {
  t = await createTestApp();
  paid = await publishPaidModel(t.app, 3n * TOKEN);
  caller = await fundedPerson(t.app, 'reader');
  for (const [i, prompt] of ['The little model dreams in borrowed words,', 'Borrowed words'].entries()) {
    const r = await t.app.inference.invoke({
      accountId: caller,
      modelId: paid.modelId,
      prompt,
      maxTokens: 24,
      temperature: 0,
      idempotencyKey: `ask-${i}`,
    });
    receiptId ??= r.receipt.receiptId;
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(t.app, { accountId: caller, keyId: null }).connect(serverSide);
  mcp = new Client({ name: 'communities-test', version: '1.0.0' });
  await mcp.connect(clientSide);
}, 120_000);
afterAll(async () => {
  await mcp?.close();
  await t?.cleanup();
});

/** What the ledger says each contributor earned from this datanet, straight from the entries. */
async function contributorEarningsFromLedger(): Promise<Map<string, bigint>> {
  const rows = await t.app.database.sql<{ owner: string; amount: string }[]>`
    select la.owner_account_id as owner, sum(e.amount) as amount from ledger_entries e
    join ledger_transactions tx on tx.id = e.tx_id join ledger_accounts la on la.id = e.ledger_account_id
    where e.role = 'contributor' and e.amount > 0 and tx.memo->>'datanetId' = ${paid.datanetId}
    group by 1`;
  return new Map(rows.map((r) => [r.owner, BigInt(r.amount)]));
}

describe('contributor leaderboard', () => {
  it('ranks contributors by what paid calls paid them, with their approved items', async () => {
    const expected = await contributorEarningsFromLedger();
    expect(expected.size).toBeGreaterThan(0);
    const board = await t.app.contributions.leaderboard({ datanetId: paid.datanetId });
    expect(board.by).toBe('earnings');
    expect(board.total).toBe(expected.size);
    expect(board.entries.map((e) => [e.accountId, e.earned])).toEqual(
      [...expected].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : Number(a[0]) - Number(b[0]))),
    );
    expect(board.entries[0].rank).toBe(1);
    expect(board.entries[0].displayName).toMatch(/^poet/);
    const approved = await t.app.database.sql<{ n: string }[]>`
      select count(*) as n from contributions
      where datanet_id = ${paid.datanetId} and contributor_account_id = ${board.entries[0].accountId} and status = 'approved'`;
    expect(board.entries[0].approved).toBe(Number(approved[0].n));
  });

  it('ranks by approved items and pages through them', async () => {
    const all = await t.app.contributions.leaderboard({ datanetId: paid.datanetId, by: 'approved' });
    expect(all.total).toBe(2);
    expect(all.entries[0].approved).toBeGreaterThanOrEqual(all.entries[1].approved);
    const first = await t.app.contributions.leaderboard({
      datanetId: paid.datanetId,
      by: 'approved',
      pageSize: 1,
    });
    const second = await t.app.contributions.leaderboard({
      datanetId: paid.datanetId,
      by: 'approved',
      pageSize: 1,
      page: 1,
    });
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect([first.entries[0].accountId, second.entries[0].accountId]).toEqual(
      all.entries.map((e) => e.accountId),
    );
    expect(second.entries[0].rank).toBe(2);
  });

  it('pages the validator board and refuses an unknown datanet', async () => {
    const all = await t.app.validation.leaderboard({ datanetId: paid.datanetId });
    expect(all.validators.length).toBe(2);
    const page2 = await t.app.validation.leaderboard({ datanetId: paid.datanetId, limit: 1, offset: 1 });
    expect(page2.validators.map((v) => [v.rank, v.accountId])).toEqual([[2, all.validators[1].accountId]]);
    expect(page2.hasMore).toBe(false);
    expect((await t.app.validation.leaderboard({ datanetId: paid.datanetId, limit: 1 })).hasMore).toBe(true);
    await expect(t.app.contributions.leaderboard({ datanetId: '999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('dataset preview', () => {
  it('shows the approved data: size, languages, score spread and a sample', async () => {
    const [facts] = await t.app.database.sql<{ n: string; chars: string }[]>`
      select count(*) as n, sum(chars) as chars from contributions
      where datanet_id = ${paid.datanetId} and status = 'approved'`;
    const p = await t.app.contributions.preview({
      datanetId: paid.datanetId,
      sampleSize: 3,
      excerptChars: 20,
    });
    expect(p.items).toBe(Number(facts.n));
    expect(p.chars).toBe(Number(facts.chars));
    expect(p.contributors).toBe(2);
    expect(p.languages.reduce((s, l) => s + l.items, 0)).toBe(p.items);
    expect(p.scoreBuckets).toHaveLength(10);
    expect(p.scoreBuckets.reduce((s, n) => s + n, 0)).toBe(p.items);
    expect(p.sample).toHaveLength(3);
    for (const s of p.sample) {
      const c = await t.app.contributions.get({ contributionId: s.contributionId });
      expect(c.status).toBe('approved');
      expect(c.content.startsWith(s.excerpt)).toBe(true);
      expect([...s.excerpt].length).toBeLessThanOrEqual(20);
      expect(s.truncated).toBe([...c.content].length > 20);
    }
    // Spread over the set, not the first three.
    const ids = p.sample.map((s) => BigInt(s.contributionId));
    expect(ids[2] - ids[0]).toBeGreaterThan(2n);
  });

  it('is an MCP tool and a resource with the same data', async () => {
    const tool = await callOk(mcp, 'preview_dataset', { datanetId: paid.datanetId });
    expect(tool.items).toBeGreaterThan(0);
    expect(tool.sample).toHaveLength(5);
    const resource = await mcp.readResource({ uri: `potluck://datanets/${paid.datanetId}/preview` });
    const body = JSON.parse(String((resource.contents[0] as { text: string }).text));
    expect(body).toEqual(tool);
    expect((await callError(mcp, 'preview_dataset', { datanetId: '999999' })).code).toBe('NOT_FOUND');
  });

  it('serves both leaderboards over MCP', async () => {
    const board = await callOk(mcp, 'get_contributor_leaderboard', { datanetId: paid.datanetId });
    const direct = await t.app.contributions.leaderboard({ datanetId: paid.datanetId });
    expect(board.entries.map((e: { earned: string }) => e.earned)).toEqual(
      direct.entries.map((e) => e.earned.toString()),
    );
    const validators = await callOk(mcp, 'get_validator_leaderboard', {
      datanetId: paid.datanetId,
      limit: 1,
      offset: 1,
    });
    expect(validators.validators[0].rank).toBe(2);
    expect(validators.hasMore).toBe(false);
  });
});

describe('charts', () => {
  const tr = translator('en');
  const size = { width: CHART_WIDTH * CHART_SCALE, height: CHART_HEIGHT * CHART_SCALE };

  it('draws a contributor’s earnings per day by role as a PNG with the same data as text', async () => {
    const [top] = (await t.app.contributions.leaderboard({ datanetId: paid.datanetId })).entries;
    const data = await t.app.ledger.earningsOverTime({ accountId: top.accountId, days: 7 });
    expect(data.days).toHaveLength(7);
    expect(data.totalByRole.contributor).toBe(top.earned);
    const today = data.days.at(-1)!;
    expect(today.day).toBe(new Date().toISOString().slice(0, 10));
    expect(today.byRole.contributor).toBe(top.earned);
    const reply = await earningsChart(data, tr);
    expect(pngSize(reply.chart.png)).toEqual(size);
    expect(reply.lines).toContain(`${today.day}: Contributor ${tr.amount(top.earned)}`);
  });

  it('draws a datanet’s activity and a receipt’s attribution', async () => {
    const activity = await t.app.contributions.activity({ datanetId: paid.datanetId, days: 3 });
    const approved = (await t.app.contributions.preview({ datanetId: paid.datanetId, sampleSize: 0 })).items;
    expect(activity.totals.approved).toBe(approved);
    expect(activity.totals.submitted).toBe(approved);
    const a = await activityChart(activity, translator('fa'));
    expect(pngSize(a.chart.png)).toEqual(size);
    expect(a.title).toContain('فعالیت');

    const receipt = await t.app.inference.getReceipt({ receiptId });
    const r = await receiptChart(receipt, tr);
    expect(pngSize(r.chart.png)).toEqual(size);
    const top = [...receipt.attribution.contributions].sort((x, y) => y.weight - x.weight)[0];
    expect(r.lines[1]).toBe(
      `#${top.contributionId}: ${Math.round(top.weight * 1000) / 10}% → ${tr.amount(BigInt(top.data))}`,
    );
  });
});
