import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { App } from '../src/app.ts';
import { startHttpServer } from '../src/http/startHttpServer.ts';
import { TOKEN } from '../test/support/fixtures.ts';
import { callOk, connectHttp } from '../test/support/mcpTestClient.ts';
import { backends, benchApp, emit, percentile } from './_support.ts';

/**
 * MCP tool calls over Streamable HTTP (stateless, bearer key per request, the /mcp route of
 * `potluck start`) with 16 concurrent SDK clients, each its own agent key: a read tool
 * (get_datanet) and a paid call (invoke_model on a tiny ∞-gram model, one fee and receipt each).
 */
const CLIENTS = 16;
const READ_CALLS = 1600;
const INVOKE_CALLS = 320;

const POEMS = [
  'The quiet river carries silver light beneath the sleeping hills of the northern valley tonight.',
  'Morning fog lifts slowly from the harbour while the gulls begin their patient circling overhead.',
  'Autumn leaves drift over the old stone bridge while the evening bells ring across the valley.',
  'Snow settles softly on the cedar branches and the lanterns glow along the winding mountain path.',
];

async function person(app: App, n: number): Promise<string> {
  const { accountId } = await app.accounts.resolveIdentity({ identity: `discord:${9000 + n}` });
  await app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  return accountId;
}

/** A datanet with approved poems, trained and published through the use cases themselves. */
async function publishedModel(app: App): Promise<{ datanetId: string; modelId: string }> {
  const owner = await person(app, 0);
  const validators = [await person(app, 1), await person(app, 2)];
  const datanet = await app.datanets.create({
    ownerAccountId: owner,
    name: 'Bench Verse',
    languages: ['en'],
  });
  for (const v of validators) {
    await app.validation.stake({
      accountId: v,
      datanetId: datanet.id,
      amount: 10n * TOKEN,
      idempotencyKey: 's',
    });
  }
  const { accepted } = await app.contributions.submit({
    accountId: owner,
    datanetId: datanet.id,
    items: POEMS.map((text) => ({ text })),
    idempotencyKey: 'poems',
  });
  for (const a of accepted) {
    for (const v of validators)
      await app.validation.vote({ accountId: v, contributionId: a.contributionId, approve: true });
  }
  const { run } = await app.training.start({
    accountId: owner,
    datanetId: datanet.id,
    idempotencyKey: 'train',
  });
  let status = run.status;
  for await (const r of app.training.watch({ runId: run.id, intervalMs: 50 })) status = r.status;
  if (status !== 'succeeded') throw new Error(`bench training run ended ${status}`);
  const { model } = await app.models.publish({
    accountId: owner,
    runId: run.id,
    name: 'Bench Verse v1',
    pricePerCall: TOKEN / 100n,
    split: { developerBps: 4000, dataBps: 4000, validatorsBps: 1000, protocolBps: 1000 },
    idempotencyKey: 'publish',
  });
  return { datanetId: datanet.id, modelId: model.id };
}

/** `total` calls shared by the clients, as fast as each gets answers; latencies in ms. */
async function measure(clients: Client[], total: number, call: (c: Client, n: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < total) {
        const n = next++;
        const t0 = performance.now();
        await call(client, n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p99: percentile(latencies, 99),
    p50: percentile(latencies, 50),
  };
}

for (const backend of backends()) {
  const t = await benchApp(
    backend,
    {
      DEV_FAUCET_AMOUNT: (1_000_000n * TOKEN).toString(),
      MCP_RATE_LIMIT_PER_MINUTE: '1000000',
      PAID_CALLS_PER_MINUTE: '1000000',
      LOG_LEVEL: 'error',
    },
    CLIENTS,
  );
  const http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  const clients: Client[] = [];
  try {
    const { datanetId, modelId } = await publishedModel(t.app);
    for (let i = 0; i < CLIENTS; i++) {
      const agent = await t.app.accounts.createAgent({ name: `bench agent ${i}` });
      await t.app.ledger.requestFaucet({ accountId: agent.accountId, idempotencyKey: 'seed' });
      clients.push(await connectHttp(`${http.url}/mcp`, agent.apiKey));
    }
    // Warm-up: JIT, the model cache and the statement cache, outside the figures.
    await Promise.all(clients.map((c) => callOk(c, 'get_datanet', { datanet: datanetId })));
    await callOk(clients[0], 'invoke_model', { modelId, prompt: 'The quiet river', idempotencyKey: 'warm' });

    const read = await measure(clients, READ_CALLS, (c) => callOk(c, 'get_datanet', { datanet: datanetId }));
    emit('mcp', `read_calls_per_second_${backend}`, read.perSecond, 'calls/s');
    emit('mcp', `read_p50_latency_${backend}`, read.p50, 'ms');
    emit('mcp', `read_p99_latency_${backend}`, read.p99, 'ms');
    const invoke = await measure(clients, INVOKE_CALLS, (c, n) =>
      callOk(c, 'invoke_model', {
        modelId,
        prompt: POEMS[n % POEMS.length].slice(0, 30),
        idempotencyKey: `b${n}`,
      }),
    );
    emit('mcp', `invoke_calls_per_second_${backend}`, invoke.perSecond, 'calls/s');
    emit('mcp', `invoke_p50_latency_${backend}`, invoke.p50, 'ms');
    emit('mcp', `invoke_p99_latency_${backend}`, invoke.p99, 'ms');
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await http.close();
    await t.cleanup();
  }
}
