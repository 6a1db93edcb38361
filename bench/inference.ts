import type { App } from '../src/app.ts';
import { fixtureContributions } from '../test/support/attribution/attributionFixture.ts';
import { fundedPerson, TOKEN } from '../test/support/fixtures.ts';
import { seedApprovedDatanet } from '../test/support/seedApprovedDatanet.ts';
import { backends, benchApp, emit, percentile } from './_support.ts';

/**
 * Paid invokes through the whole path (reserve → generate → attribute → split → settle → receipt)
 * on a tiny ∞-gram model, and the latency of everything but the model (total minus generation and
 * attribution): under load (throughput), for one caller at a time, and for a few at once.
 */
const LOAD_CLIENTS = 32;
const LATENCY_CLIENTS = 4;
const CALLERS = 64;
const PROMPTS = [
  'The river keeps a ledger',
  'My grandmother folded',
  'Neon hums a lullaby',
  'باران',
  'Dear friend',
];

async function setUp(app: App): Promise<{ modelId: string; callers: string[] }> {
  const texts = fixtureContributions.map((c) => c.text);
  const seeded = await seedApprovedDatanet(app, {
    name: 'Bench Verse',
    texts,
    authors: texts.map((_, i) => i % 4),
    authorCount: 4,
  });
  const developer = await fundedPerson(app, 'developer');
  const { run } = await app.training.start({
    accountId: developer,
    datanetId: seeded.datanetId,
    idempotencyKey: 'b',
  });
  for await (const r of app.training.watch({ runId: run.id, intervalMs: 20 })) {
    if (r.status === 'failed') throw new Error(`training failed: ${r.error}`);
  }
  const { model } = await app.models.publish({
    accountId: developer,
    runId: run.id,
    name: 'Bench Model',
    pricePerCall: (TOKEN / 1000n).toString(),
    split: { developerBps: 3000, dataBps: 4000, validatorsBps: 2000, protocolBps: 1000 },
    idempotencyKey: 'p',
  });
  const callers: string[] = [];
  for (let i = 0; i < CALLERS; i++) callers.push(await fundedPerson(app, `caller${i}`));
  return { modelId: model.id, callers };
}

async function drive(
  app: App,
  modelId: string,
  callers: string[],
  clients: number,
  calls: number,
  tag: string,
) {
  const nonModel: number[] = [];
  let modelMs = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < calls) {
        const n = next++;
        const r = await app.inference.invoke({
          accountId: callers[n % callers.length],
          modelId,
          prompt: PROMPTS[n % PROMPTS.length],
          maxTokens: 16,
          idempotencyKey: `${tag}-${n}`,
        });
        nonModel.push(r.timing.totalMs - r.timing.modelMs);
        modelMs += r.timing.modelMs;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  nonModel.sort((a, b) => a - b);
  return { perSecond: calls / seconds, nonModel, modelMsMean: modelMs / calls };
}

for (const backend of backends()) {
  const t = await benchApp(
    backend,
    { DEV_FAUCET_AMOUNT: (1_000_000n * TOKEN).toString(), PAID_CALLS_PER_MINUTE: '1000000' },
    24,
  );
  try {
    const { modelId, callers } = await setUp(t.app);
    // Warm-up: loads the model into memory and the payee caches.
    await drive(t.app, modelId, callers, 4, 100, 'warm');
    const calls = backend === 'pglite' ? 1500 : 4000;
    const load = await drive(t.app, modelId, callers, LOAD_CLIENTS, calls, 'load');
    emit('inference', `invokes_per_second_${backend}`, load.perSecond, 'calls/s');
    emit('inference', `p99_non_model_ms_under_load_${backend}`, percentile(load.nonModel, 99), 'ms');
    emit('inference', `model_ms_mean_${backend}`, load.modelMsMean, 'ms');
    const single = await drive(t.app, modelId, callers, 1, 500, 'single');
    emit('inference', `p50_non_model_ms_${backend}`, percentile(single.nonModel, 50), 'ms');
    emit('inference', `p99_non_model_ms_${backend}`, percentile(single.nonModel, 99), 'ms');
    const light = await drive(t.app, modelId, callers, LATENCY_CLIENTS, 1000, 'light');
    emit(
      'inference',
      `p99_non_model_ms_${LATENCY_CLIENTS}_clients_${backend}`,
      percentile(light.nonModel, 99),
      'ms',
    );
    const [sum] = await t.app.database.sql`select sum(balance)::text as s from ledger_accounts`;
    if (sum.s !== '0') throw new Error(`ledger does not sum to zero after the benchmark: ${sum.s}`);
  } finally {
    await t.cleanup();
  }
}
