import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

let t: TestApp;
let now = new Date('2026-11-24T10:00:00Z');
let poet: string;
let datanetId: string;

const POEMS = [
  'در باغ سحر، نسیم با گل سخن گفت\nو شبنم بر گلبرگ‌ها آرام خفت',
  'ماه بر بام شب نشست و دریا آرام شد\nدل من از نور تو روشن و بی‌نام شد',
  'در کوچه‌های باران، صدای پای تو ماند\nو باد نام تو را تا دورترین دشت خواند',
];

beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
  poet = await fundedPerson(t.app, 'poet');
  const d = await t.app.datanets.create({
    ownerAccountId: poet,
    name: 'Persian Poetry',
    description: 'Short Persian poems',
    languages: ['fa'],
    deposit: TOKEN.toString(),
    dailyItems: 8,
  });
  datanetId = d.id;
});
afterAll(async () => t?.cleanup());

describe('datanets', () => {
  it('refuses a second datanet with the same name in any case', async () => {
    await expect(
      t.app.datanets.create({ ownerAccountId: poet, name: 'persian poetry' }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
  });

  it('names every bad field', async () => {
    await expect(
      t.app.datanets.create({ ownerAccountId: poet, name: '!', languages: ['persian'], approvalBps: 4000 }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/name.*languages\.0.*approvalBps/s),
    });
  });

  it('finds datanets by id, by name and by prefix', async () => {
    expect((await t.app.datanets.get({ datanet: 'PERSIAN POETRY' })).id).toBe(datanetId);
    expect((await t.app.datanets.list({ search: 'pers' })).map((d) => d.id)).toContain(datanetId);
    await expect(t.app.datanets.get({ datanet: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('contributions', () => {
  it('accepts items, takes deposits, and replays the same submission by key', async () => {
    const before = await t.app.ledger.getBalance({ accountId: poet });
    const input = {
      accountId: poet,
      datanetId,
      idempotencyKey: 'batch-1',
      items: POEMS.slice(0, 2).map((text) => ({ text })),
    };
    const res = await t.app.contributions.submit(input);
    expect(res.accepted).toHaveLength(2);
    expect(res.refused).toEqual([]);
    expect(res.depositTotal).toBe(2n * TOKEN);
    expect(res.accepted[0].language).toBe('fa');
    const stored = await t.app.contributions.get({ contributionId: res.accepted[0].contributionId });
    expect(Array.isArray(stored.checkProblems)).toBe(true);
    expect(stored.content).toBe(POEMS[0]);
    const again = await t.app.contributions.submit(input);
    expect(again.replayed).toBe(true);
    expect(again.accepted.map((a) => a.contributionId)).toEqual(res.accepted.map((a) => a.contributionId));
    const after = await t.app.ledger.getBalance({ accountId: poet });
    expect(before.available - after.available).toBe(2n * TOKEN);
    expect(after.inDeposits).toBe(2n * TOKEN);
    const d = await t.app.datanets.get({ datanet: datanetId });
    expect(d.counts).toMatchObject({ pending: 2, contributors: 1 });
  });

  it('refuses a key reused for a different request', async () => {
    await expect(
      t.app.contributions.submit({
        accountId: poet,
        datanetId,
        idempotencyKey: 'batch-1',
        items: [{ text: POEMS[2] }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses exact duplicates (after normalisation) naming the original, and off-language text', async () => {
    const [first] = (
      await t.app.contributions.submit({
        accountId: poet,
        datanetId,
        idempotencyKey: 'b0',
        items: [{ text: POEMS[0] }],
      })
    ).refused;
    expect(first.code).toBe('DUPLICATE');
    const res = await t.app.contributions.submit({
      accountId: poet,
      datanetId,
      idempotencyKey: 'batch-2',
      items: [
        { text: `  ${POEMS[0].replace('\n', '\r\n')}  ` },
        {
          text: 'The morning wind spoke softly to the roses in the garden, and the dew slept on their petals.',
        },
        { text: '   ' },
      ],
    });
    expect(res.accepted).toEqual([]);
    expect(res.refused.map((r) => r.code)).toEqual(['DUPLICATE', 'BAD_INPUT', 'BAD_INPUT']);
    expect(res.refused[0].duplicateOf).toBeDefined();
    expect(res.refused[1].message).toMatch(/accepts Persian \(fa\)/);
  });

  it('flags a near-duplicate with its original and similarity', async () => {
    const original = POEMS[2];
    const near = `${original}\nو باد نام تو را تا دورترین دشت خواند`;
    const res = await t.app.contributions.submit({
      accountId: poet,
      datanetId,
      idempotencyKey: 'near',
      items: [{ text: original }, { text: near }],
    });
    expect(res.accepted).toHaveLength(2);
    const later = await t.app.contributions.submit({
      accountId: poet,
      datanetId,
      idempotencyKey: 'near-2',
      items: [{ text: original.replace('صدای', 'صدای آرام') }],
    });
    expect(later.accepted[0].nearDuplicateOf).toBe(res.accepted[0].contributionId);
    expect(later.accepted[0].nearDuplicateSimilarity).toBeGreaterThan(0.6);
  });

  it('enforces the daily item quota for the whole batch, and resets the next UTC day', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      text: `شعر شماره ${i} درباره باران و باد و گل‌های سرخ در باغ`,
    }));
    await expect(
      t.app.contributions.submit({ accountId: poet, datanetId, idempotencyKey: 'q1', items }),
    ).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    });
    now = new Date('2026-11-25T00:00:01Z');
    const res = await t.app.contributions.submit({ accountId: poet, datanetId, idempotencyKey: 'q2', items });
    expect(res.accepted).toHaveLength(5);
  });

  it('judges a large batch item by item off the event loop, with the same refusals and indices', async () => {
    const items = Array.from({ length: 80 }, (_, i) => ({
      text: `بیت شماره ${i} از باغ و باران و ماه و نسیم شبانگاهی`,
    }));
    items[10] = { text: items[3].text };
    items[20] = { text: 'The evening wind is resting on the quiet rooftops of the sleeping town tonight.' };
    items[30] = { text: `  ${items[5].text}\r\n` };
    const couplets = await t.app.datanets.create({
      ownerAccountId: poet,
      name: 'Persian Couplets',
      languages: ['fa'],
      deposit: TOKEN.toString(),
      dailyItems: 1000,
    });
    const before = (await t.app.ledger.getBalance({ accountId: poet })).available;
    const res = await t.app.contributions.submit({
      accountId: poet,
      datanetId: couplets.id,
      idempotencyKey: 'large',
      items,
    });
    expect(res.refused.map((r) => [r.index, r.code])).toEqual([
      [10, 'DUPLICATE'],
      [20, 'BAD_INPUT'],
      [30, 'DUPLICATE'],
    ]);
    expect(res.accepted).toHaveLength(77);
    expect(res.accepted.every((a) => a.language === 'fa' && a.contentHash.length === 64)).toBe(true);
    expect(before - (await t.app.ledger.getBalance({ accountId: poet })).available).toBe(77n * TOKEN);
  });

  it('refuses a batch the contributor cannot pay deposits for, writing nothing', async () => {
    const broke = (await t.app.accounts.resolveIdentity({ identity: 'discord:424242' })).accountId;
    await expect(
      t.app.contributions.submit({
        accountId: broke,
        datanetId,
        idempotencyKey: 'x',
        items: [{ text: 'گل سرخ در باغ تنها ماند و شب آمد' }],
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    const [n] = await t.app.database
      .sql`select count(*)::int as n from contributions where contributor_account_id = ${broke}`;
    expect(n.n).toBe(0);
  });

  it('parses .jsonl files into rows and refuses a bad row by line number', async () => {
    const good = Buffer.from(
      [
        JSON.stringify({ text: 'آسمان آبی است و پرنده‌ها آواز می‌خوانند' }),
        '',
        JSON.stringify({ text: 'دریا آرام است و ماه بر آب می‌درخشد' }),
      ].join('\n'),
    );
    const res = await t.app.contributions.submitFile({
      accountId: poet,
      datanetId,
      filename: 'poems.jsonl',
      content: good,
      idempotencyKey: 'f1',
    });
    expect(res.accepted).toHaveLength(2);
    const bad = Buffer.from(`${JSON.stringify({ text: 'x' })}\n{not json\n`);
    await expect(
      t.app.contributions.submitFile({
        accountId: poet,
        datanetId,
        filename: 'bad.jsonl',
        content: bad,
        idempotencyKey: 'f2',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/line 2/) });
    await expect(
      t.app.contributions.submitFile({
        accountId: poet,
        datanetId,
        filename: 'poems.pdf',
        content: good,
        idempotencyKey: 'f3',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('withdraws a pending contribution with its deposit, only by its contributor', async () => {
    const res = await t.app.contributions.submit({
      accountId: poet,
      datanetId,
      idempotencyKey: 'w',
      items: [{ text: 'شب است و ستاره‌ها در آسمان می‌رقصند' }],
    });
    const id = res.accepted[0].contributionId;
    const other = await fundedPerson(t.app);
    await expect(
      t.app.contributions.withdraw({ accountId: other, contributionId: id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const before = (await t.app.ledger.getBalance({ accountId: poet })).available;
    expect((await t.app.contributions.withdraw({ accountId: poet, contributionId: id })).refunded).toBe(
      TOKEN,
    );
    expect((await t.app.contributions.withdraw({ accountId: poet, contributionId: id })).refunded).toBe(0n);
    expect((await t.app.ledger.getBalance({ accountId: poet })).available - before).toBe(TOKEN);
  });
});
