import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { MAX_AMOUNT } from '../src/shared/amount.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { footprint } from './support/footprint.ts';
import { callError, connectHttp } from './support/mcpTestClient.ts';

let t: TestApp;
let http: HttpServer;
let agent: Client;
let agentAccount: string;
let person: string;
let other: string;
let datanetId: string;

beforeAll(async () => {
  t = await createTestApp();
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  const created = await t.app.accounts.createAgent({ name: 'boundary agent' });
  agentAccount = created.accountId;
  agent = await connectHttp(`${http.url}/mcp`, created.apiKey);
  person = await fundedPerson(t.app, 'boundary');
  other = await fundedPerson(t.app, 'other');
  datanetId = (await t.app.datanets.create({ ownerAccountId: person, name: 'Boundary Verse', deposit: '0' }))
    .id;
});
afterAll(async () => {
  await agent?.close();
  await http?.close();
  await t?.cleanup();
});

/** Rows that any accepted call below would add. */
/** The call is refused with BAD_INPUT naming `field`, and nothing was written. */
async function refusedNaming(field: string, call: () => Promise<unknown>) {
  const before = await footprint(t.app.deps.sql);
  const error = await call().then(
    () => {
      throw new Error(`accepted; expected BAD_INPUT on ${field}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(`${field}: `) });
  expect(await footprint(t.app.deps.sql)).toEqual(before);
}

const PAST_UINT256 = (MAX_AMOUNT + 1n).toString();

describe('amounts past uint256 are refused at the use case, naming the field', () => {
  it.each([
    [
      'pricePerCall',
      () =>
        t.app.models.publish({
          accountId: person,
          runId: '1',
          name: 'Huge Price',
          pricePerCall: PAST_UINT256,
          split: { developerBps: 7000, dataBps: 2000, validatorsBps: 500, protocolBps: 500 },
          idempotencyKey: 'huge-price',
        }),
    ],
    [
      'amount',
      () =>
        t.app.ledger.transfer({
          fromAccountId: person,
          toAccountId: other,
          amount: PAST_UINT256,
          idempotencyKey: 'huge-t',
        }),
    ],
    [
      'amount',
      () =>
        t.app.datanets.fundPool({
          accountId: person,
          datanetId,
          amount: PAST_UINT256,
          idempotencyKey: 'huge-f',
        }),
    ],
    [
      'amount',
      () =>
        t.app.validation.stake({
          accountId: other,
          datanetId,
          amount: MAX_AMOUNT + 1n,
          idempotencyKey: 'huge-s',
        }),
    ],
    [
      'deposit',
      () => t.app.datanets.create({ ownerAccountId: person, name: 'Huge Deposit', deposit: PAST_UINT256 }),
    ],
    [
      'minStake',
      () => t.app.datanets.create({ ownerAccountId: person, name: 'Huge Stake', minStake: PAST_UINT256 }),
    ],
    [
      'validationReward',
      () =>
        t.app.datanets.create({
          ownerAccountId: person,
          name: 'Huge Reward',
          validationReward: PAST_UINT256,
        }),
    ],
    [
      'maxFee',
      () =>
        t.app.inference.invoke({
          accountId: person,
          modelId: '1',
          prompt: 'hi',
          maxFee: PAST_UINT256,
          idempotencyKey: 'huge-i',
        }),
    ],
  ])('%s', async (field, call) => refusedNaming(field, call));

  it('while 2^256−1 itself still reaches the rule after the boundary', async () => {
    await expect(
      t.app.ledger.transfer({
        fromAccountId: person,
        toAccountId: other,
        amount: MAX_AMOUNT,
        idempotencyKey: 'max',
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  });
});

describe('input the database would refuse is BAD_INPUT naming the field, and writes nothing', () => {
  it('a NUL in contribution text', async () => {
    await refusedNaming('items.1.text', () =>
      t.app.contributions.submit({
        accountId: person,
        datanetId,
        idempotencyKey: 'nul-items',
        items: [
          { text: 'a clean first verse, long enough to pass the checks here' },
          { text: 'verse\u0000two' },
        ],
      }),
    );
  });

  it('a NUL in a transfer memo, a datanet description and a display name', async () => {
    await refusedNaming('memo', () =>
      t.app.ledger.transfer({
        fromAccountId: person,
        toAccountId: other,
        amount: TOKEN,
        idempotencyKey: 'nul-memo',
        memo: 'hi\u0000',
      }),
    );
    await refusedNaming('description', () =>
      t.app.datanets.create({ ownerAccountId: person, name: 'Nul Description', description: 'x\u0000y' }),
    );
    await refusedNaming('displayName', () =>
      t.app.accounts.resolveIdentity({ identity: 'discord:424242424242', displayName: 'Ali\u0000' }),
    );
  });

  it('ids beyond bigint', async () => {
    await refusedNaming('contributionId', () =>
      t.app.contributions.get({ contributionId: '9999999999999999999' }),
    );
    await refusedNaming('toAccountId', () =>
      t.app.ledger.transfer({
        fromAccountId: person,
        toAccountId: '9223372036854775808',
        amount: TOKEN,
        idempotencyKey: 'big-id',
      }),
    );
    await refusedNaming('datanetId', () =>
      t.app.validation.stake({
        accountId: person,
        datanetId: '9223372036854775808',
        amount: TOKEN,
        idempotencyKey: 'big-d',
      }),
    );
  });

  it('a lookup by an id past bigint finds nothing rather than failing', async () => {
    await expect(t.app.datanets.get({ datanet: '9999999999999999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.app.models.get({ model: '9999999999999999999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a model name with a bidirectional override or a control character', async () => {
    for (const name of ['Poet\u202Eledom', 'Poet\u0007']) {
      await refusedNaming('name', () =>
        t.app.models.publish({
          accountId: person,
          runId: '1',
          name,
          pricePerCall: '1',
          split: { developerBps: 7000, dataBps: 2000, validatorsBps: 500, protocolBps: 500 },
          idempotencyKey: `bidi-${name.length}`,
        }),
      );
    }
  });

  it('over MCP: a NUL in a tool argument comes back as BAD_INPUT naming it', async () => {
    const before = await footprint(t.app.deps.sql);
    const e = await callError(agent, 'create_datanet', { name: 'Nul Over Mcp', description: 'poems\u0000' });
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('description: ');
    expect(await footprint(t.app.deps.sql)).toEqual(before);
    const [d] = await t.app.deps.sql`select 1 from datanets where owner_account_id = ${agentAccount}`;
    expect(d).toBeUndefined();
  });
});
