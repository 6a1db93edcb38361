import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer } from '../mcp/createMcpServer.ts';
import { guestAuth } from '../mcp/mcpAuth.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { TOKEN } from './support/fixtures.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';

let t: TestApp;
let http: HttpServer;
const clients: Client[] = [];
let poet: Client;
let v1: Client;
let v2: Client;
let poetAccount: string;

async function agent(name: string): Promise<{ client: Client; accountId: string }> {
  const { apiKey, accountId } = await t.app.accounts.createAgent({ name });
  const client = await connectHttp(`${http.url}/mcp`, apiKey);
  clients.push(client);
  return { client, accountId };
}

beforeAll(async () => {
  t = await createTestApp();
  // The endpoint as `potluck start` mounts it, on a real socket.
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  ({ client: poet, accountId: poetAccount } = await agent('poet'));
  ({ client: v1 } = await agent('validator one'));
  ({ client: v2 } = await agent('validator two'));
  for (const [i, c] of [poet, v1, v2].entries())
    await callOk(c, 'request_faucet', { idempotencyKey: `f${i}` });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await http?.close();
  await t?.cleanup();
});

describe('MCP over Streamable HTTP', () => {
  it('lists tools with input and output schemas and truthful annotations', async () => {
    const { tools } = await poet.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    for (const name of [
      'list_datanets',
      'get_datanet',
      'create_datanet',
      'contribute',
      'list_pending_reviews',
    ]) {
      expect(byName.get(name)?.outputSchema, name).toBeDefined();
    }
    expect(byName.get('list_datanets')?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    });
    expect(byName.get('get_balance')?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('vote')?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true });
    expect(byName.get('create_datanet')?.annotations?.idempotentHint).toBe(false);
    expect(byName.get('unstake_as_validator')?.annotations?.destructiveHint).toBe(true);
    expect(byName.get('request_faucet')).toBeDefined();
    expect(byName.get('vote')?.inputSchema).toMatchObject({
      additionalProperties: false,
      required: ['contributionId', 'approve'],
    });

    // Without DEV_FAUCET_ENABLED the faucet is not offered at all.
    const noFaucet = {
      ...t.app,
      config: { ...t.app.config, faucet: { ...t.app.config.faucet, enabled: false } },
    };
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(noFaucet, guestAuth).connect(serverSide);
    const local = new Client({ name: 'in-memory', version: '1.0.0' });
    await local.connect(clientSide);
    const names = (await local.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('get_balance');
    expect(names).not.toContain('request_faucet');
    await local.close();
  });

  it('runs the whole story: datanet, contribution, two validator votes, training, publish, paid call, receipt, rewards', async () => {
    const { datanet } = await callOk(poet, 'create_datanet', {
      name: 'MCP Verse',
      languages: ['en'],
      deposit: (1n * TOKEN).toString(),
      minStake: (10n * TOKEN).toString(),
      quorumVotes: 2,
      validationReward: (2n * TOKEN).toString(),
    });
    expect(datanet).toMatchObject({ name: 'MCP Verse', deposit: (1n * TOKEN).toString(), quorumVotes: 2 });
    await callOk(poet, 'fund_datanet_pool', {
      datanetId: datanet.id,
      amount: (10n * TOKEN).toString(),
      idempotencyKey: 'pool',
    });

    const progress: number[] = [];
    const text =
      'The quiet river carries silver light beneath the sleeping hills of the northern valley tonight.';
    const args = { datanetId: datanet.id, text, idempotencyKey: 'poem-1' };
    const submitted = await poet.callTool({ name: 'contribute', arguments: args }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    const result = submitted.structuredContent as {
      accepted: { contributionId: string }[];
      replayed: boolean;
    };
    expect(result.accepted).toHaveLength(1);
    expect(progress).toEqual([0, 1]);
    const contributionId = result.accepted[0].contributionId;
    // A retry with the same key replays the first result and charges no second deposit.
    expect(await callOk(poet, 'contribute', args)).toMatchObject({
      replayed: true,
      accepted: [{ contributionId }],
    });

    for (const [i, v] of [v1, v2].entries()) {
      await callOk(v, 'stake_as_validator', {
        datanetId: datanet.id,
        amount: (10n * TOKEN).toString(),
        idempotencyKey: `s${i}`,
      });
    }
    const { reviews } = await callOk(v1, 'list_pending_reviews', { datanetId: datanet.id });
    expect(reviews.map((r: { contribution: { id: string } }) => r.contribution.id)).toEqual([contributionId]);
    expect(await callOk(v1, 'vote', { contributionId, approve: true, reason: 'fits' })).toMatchObject({
      status: 'pending',
    });
    const decided = await callOk(v2, 'vote', { contributionId, approve: true });
    expect(decided).toMatchObject({
      status: 'approved',
      outcome: { approved: true, rewardPaid: (2n * TOKEN).toString() },
    });

    const read = await poet.readResource({ uri: `potluck://contributions/${contributionId}` });
    const body = JSON.parse((read.contents[0] as { text: string }).text);
    expect(body).toMatchObject({
      id: contributionId,
      status: 'approved',
      content: text,
      checkProblems: expect.any(Array),
    });
    expect((await callOk(v1, 'get_balance')).earnedByRole.validator).toBe((1n * TOKEN).toString());

    // Train, following progress until it succeeds, then publish with a price and a split.
    const trainProgress: number[] = [];
    const started = await poet.callTool(
      {
        name: 'start_training_run',
        arguments: { datanetId: datanet.id, waitSeconds: 120, idempotencyKey: 'train-1' },
      },
      undefined,
      { onprogress: (p) => trainProgress.push(p.progress), timeout: 150_000 },
    );
    const run = (
      started.structuredContent as { run: { id: string; status: string; contributionCount: number } }
    ).run;
    expect(run).toMatchObject({ status: 'succeeded', contributionCount: 1 });
    expect(trainProgress.at(-1)).toBe(1);
    const price = (2n * TOKEN).toString();
    const split = { developerBps: 4000, dataBps: 4000, validatorsBps: 1000, protocolBps: 1000 };
    const { model } = await callOk(poet, 'publish_model', {
      runId: run.id,
      name: 'MCP Verse v1',
      pricePerCall: price,
      split,
      idempotencyKey: 'pub-1',
    });
    expect(model).toMatchObject({ pricePerCall: price, split });
    const snapshot = await callOk(v1, 'get_model_snapshot_proof', { modelId: model.id, contributionId });
    expect(snapshot).toMatchObject({ contributionIds: [contributionId], inclusion: { contributionId } });

    // A paid call by a validator: the answer, a receipt naming the poem, and a retry charging nothing.
    const before = await callOk(v2, 'get_balance');
    const ask = {
      modelId: model.id,
      prompt: 'The quiet river carries',
      maxFee: price,
      idempotencyKey: 'ask-1',
    };
    const paid = await callOk(v2, 'invoke_model', ask);
    expect(paid.answer.length).toBeGreaterThan(0);
    expect(paid.receipt).toMatchObject({ fee: price, modelId: model.id });
    expect(
      paid.receipt.attribution.contributions.map((c: { contributionId: string }) => c.contributionId),
    ).toEqual([contributionId]);
    expect(await callOk(v2, 'invoke_model', ask)).toMatchObject({ replayed: true, answer: paid.answer });
    const after = await callOk(v2, 'get_balance');
    // Paid the fee once (less its own validator share of it, since v2 approved the poem).
    const spent = BigInt(before.available) - BigInt(after.available);
    expect(spent > 0n && spent <= 2n * TOKEN).toBe(true);

    // The receipt resource: public to all, with the prompt and answer only for the caller.
    const uri = `potluck://receipts/${paid.receipt.receiptId}`;
    const mine = JSON.parse(((await v2.readResource({ uri })).contents[0] as { text: string }).text);
    expect(mine).toMatchObject({ receiptHash: paid.receipt.receiptHash, private: { prompt: ask.prompt } });
    const theirs = JSON.parse(((await poet.readResource({ uri })).contents[0] as { text: string }).text);
    expect(theirs).toMatchObject({ receiptHash: paid.receipt.receiptHash, private: null });

    // Everyone who helped was paid: the poet as contributor and developer, the validators for the data.
    const poetBalance = await callOk(poet, 'get_balance');
    expect(poetBalance).toMatchObject({ accountId: poetAccount, inDeposits: '0' });
    const rewards = await callOk(poet, 'get_rewards');
    expect(rewards.accountId).toBe(poetAccount);
    expect(BigInt(rewards.earnedByRole.contributor)).toBeGreaterThan(0n);
    expect(BigInt(rewards.earnedByRole.developer)).toBeGreaterThan(0n);
    expect(rewards.history.map((h: { kind: string }) => h.kind)).toContain('validation_approved');
    expect(BigInt((await callOk(v1, 'get_rewards')).earnedByRole.validator)).toBeGreaterThan(1n * TOKEN);
  }, 180_000);

  it('enforces the same rules as every surface: no self-votes, only your own balance, field-named input errors', async () => {
    const { datanets } = await callOk(poet, 'list_datanets', { search: 'MCP' });
    const datanetId = datanets[0].id;
    const { accepted } = await callOk(poet, 'contribute', {
      datanetId,
      items: [
        { text: 'Morning fog lifts slowly from the harbour while the gulls begin their patient circling.' },
      ],
      idempotencyKey: 'poem-2',
    });
    const own = await callError(poet, 'vote', { contributionId: accepted[0].contributionId, approve: true });
    expect(own).toMatchObject({ code: 'FORBIDDEN', message: 'You cannot vote on your own contribution.' });

    const other = await callError(v1, 'get_balance', { accountId: poetAccount });
    expect(other.text).toMatch(/accountId/);
    const badVote = await callError(v1, 'vote', {
      contributionId: accepted[0].contributionId,
      approve: 'yes',
    });
    expect(badVote.text).toMatch(/approve/);
    const badAmount = await callError(v1, 'stake_as_validator', {
      datanetId,
      amount: '1.5',
      idempotencyKey: 'x',
    });
    expect(badAmount.text).toMatch(/amount/);
    expect(await callError(v1, 'get_datanet', { datanet: 'No Such Datanet' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await callError(poet, 'contribute', { datanetId, idempotencyKey: 'nothing' })).toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('serves datanet resources, a listable template, and the two prompts', async () => {
    const { resourceTemplates } = await poet.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate)).toEqual(
      expect.arrayContaining(['potluck://datanets/{id}', 'potluck://contributions/{id}']),
    );
    const { resources } = await poet.listResources();
    const verse = resources.find((r) => r.name === 'MCP Verse');
    expect(verse?.uri).toMatch(/^potluck:\/\/datanets\/\d+$/);
    const read = await poet.readResource({ uri: verse!.uri });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ name: 'MCP Verse' });
    await expect(poet.readResource({ uri: 'potluck://datanets/999999' })).rejects.toThrow(/NOT_FOUND/);

    expect(resourceTemplates.map((r) => r.uriTemplate)).toEqual(
      expect.arrayContaining([
        'potluck://models/{id}',
        'potluck://training-runs/{id}',
        'potluck://receipts/{id}',
      ]),
    );
    const model = resources.find((r) => r.name === 'MCP Verse v1');
    expect(model?.uri).toMatch(/^potluck:\/\/models\/\d+$/);
    expect(resources.some((r) => r.uri.startsWith('potluck://training-runs/'))).toBe(true);
    const { prompts } = await poet.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['contribute_to_datanet', 'review_contribution']);
    const contributePrompt = await poet.getPrompt({
      name: 'contribute_to_datanet',
      arguments: { datanet: 'MCP Verse' },
    });
    expect(JSON.stringify(contributePrompt.messages)).toMatch(/call the contribute tool/);
    const { reviews } = await callOk(v1, 'list_pending_reviews', { datanetId: verse!.uri.split('/').pop() });
    const review = await v1.getPrompt({
      name: 'review_contribution',
      arguments: { contributionId: reviews[0].contribution.id },
    });
    expect(JSON.stringify(review.messages)).toContain('Morning fog lifts slowly');
    // A validator's resource list offers what they can review.
    const listed = (await v1.listResources()).resources.map((r) => r.uri);
    expect(listed).toContain(`potluck://contributions/${reviews[0].contribution.id}`);
  });
});
