import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { influenceWithinBudget } from '../src/inference/answerWithAdapter.ts';
import { settleAttribution } from '../src/inference/settleAttribution.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { createLoraRun } from './support/loraRunFixture.ts';
import { writeRandomLoraGguf } from './support/randomLoraAdapter.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { type TinyLlama, writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

let t: TestApp;
let tiny: TinyLlama;
let seeded: SeededDatanet;
let caller: string;
let modelId: string;
let artifactHash: string;
const FEE = 3n * TOKEN + 5n;
const SPLIT = { developerBps: 2000, dataBps: 5000, validatorsBps: 2000, protocolBps: 1000 };
const TEXTS = [
  'The kitchen was warm and the bread was rising slowly by the window.',
  'Rain fell on the tin roof all night while the dog slept.',
  'A river runs under the old stone bridge toward the sea.',
];

const sql = () => t.app.database.sql;
const escrowBalance = async () => {
  const [row] =
    await sql()`select balance::text as b from ledger_accounts where system_name = 'attribution_escrow'`;
  return BigInt(row.b);
};
const row = async (callId: string) => {
  const [r] = await sql()<{ status: string; error: string | null; result: { payouts: unknown[] } | null }[]>`
    select status, error, result from attribution_settlements where call_id = ${callId}`;
  return r;
};
async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached');
}

beforeAll(async () => {
  // Budget 0: influence is never ready within the call, so every data share goes to escrow.
  t = await createTestApp(
    { INFLUENCE_BUDGET_MS: '0', JOB_ATTEMPTS: '1', LORA_CONTEXT_SIZE: '128', LORA_MAX_PARALLEL: '1' },
    { persistent: true },
  );
  const baseDir = path.join(t.dataDir, 'base-models');
  await fs.mkdir(baseDir, { recursive: true });
  tiny = await writeTinyLlamaGguf(path.join(baseDir, 'tiny-llama.gguf'), { seed: 4 });
  const developer = await fundedPerson(t.app, 'developer');
  caller = await fundedPerson(t.app, 'caller');
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Escrow Verse',
    texts: TEXTS,
    authors: [0, 1, 2],
    authorCount: 3,
  });
  const adapterPath = await writeRandomLoraGguf(path.join(t.dataDir, 'adapter.gguf'), tiny, {
    seed: 8,
    scale: 0.3,
  });
  const run = await createLoraRun(t.app, {
    developer,
    datanetId: seeded.datanetId,
    baseModel: { name: 'tiny-llama', path: tiny.path, vocabSize: tiny.vocabSize },
    adapterPath,
    minSpan: 1,
    influence: true,
  });
  artifactHash = run.artifactHash;
  const published = await t.app.models.publish({
    accountId: developer,
    runId: run.runId,
    name: 'escrow-verse',
    pricePerCall: FEE.toString(),
    split: SPLIT,
    idempotencyKey: 'publish',
  });
  modelId = published.model.id;
});
afterAll(async () => t?.cleanup());

describe('influence of neural answers', () => {
  // First: the scorer caches what it read, and this test needs the first read to fail.
  it('past the budget holds the data share in escrow and settles it exactly once, across a failed worker and a restart', async () => {
    // The first job attempt cannot read the features (as if the worker died mid-way): it fails and leaves the row pending.
    const features = (await t.app.deps.neural!.artifact(artifactHash)).influence!.file;
    const featuresPath = path.join(t.app.deps.modelRuntime.store.root, 'blobs', features.sha256);
    await fs.rename(featuresPath, `${featuresPath}.away`);
    const paid = await t.app.inference.invoke({
      accountId: caller,
      modelId,
      prompt: 'The kitchen',
      maxTokens: 8,
      idempotencyKey: 'escrowed-1',
    });
    const callId = paid.receipt.receiptId;
    expect(paid.receipt.neural?.influence.status).toBe('pending');
    const escrowed = paid.receipt.payouts.find((p) => p.role === 'escrow');
    const share = BigInt(paid.receipt.parts.data) + BigInt(paid.receipt.parts.validators);
    expect(escrowed).toMatchObject({ accountId: null, amount: share.toString() });
    expect(paid.receipt.payouts.some((p) => p.role === 'contributor')).toBe(false);
    expect(paid.receipt.attribution.spans.length).toBeGreaterThan(0);
    expect(await escrowBalance()).toBe(share);
    const failed = await until(
      () => row(callId),
      (r) => r.error !== null,
    );
    expect(failed.status).toBe('pending');
    expect(await escrowBalance()).toBe(share);

    // Back up: boot recovery queues the pending row and the job settles it.
    await fs.rename(`${featuresPath}.away`, featuresPath);
    await t.restart();
    const settled = await until(
      () => row(callId),
      (r) => r.status === 'settled',
    );
    expect(settled.result?.payouts.length).toBeGreaterThan(0);
    expect(await escrowBalance()).toBe(0n);
    const view = await t.app.inference.getReceipt({ receiptId: callId });
    expect(view.attributionSettlement).toMatchObject({ status: 'settled', payouts: settled.result?.payouts });

    // Two more workers racing on the same call pay nothing more.
    const again = await Promise.all([
      settleAttribution(t.app.deps, { callId }),
      settleAttribution(t.app.deps, { callId }),
    ]);
    expect(again.map((r) => r.settled)).toEqual([false, false]);
    const [posts] = await sql()<{ n: string }[]>`
      select count(*)::text as n from ledger_transactions where idempotency_key = ${`inference:${callId}:attribution`}`;
    expect(posts.n).toBe('1');
    const contributors = await sql()<{ amount: string }[]>`
      select l.amount::text from ledger_entries l join ledger_transactions x on x.id = l.tx_id
      where x.idempotency_key = ${`inference:${callId}:attribution`} and l.role = 'contributor'`;
    expect(contributors.reduce((a, r) => a + BigInt(r.amount), 0n)).toBe(BigInt(paid.receipt.parts.data));
    await assertLedgerInvariants(t.app);
  });
  it('is computed within a budget by the gradient scorer', async () => {
    const neural = t.app.deps.neural!;
    const artifact = await neural.artifact(artifactHash);
    const out = await influenceWithinBudget(
      neural,
      artifact,
      tiny.path,
      { promptTokens: [5, 6, 7], answerTokens: [8, 9, 10] },
      60_000,
    );
    expect(out.status).toBe('computed');
    if (out.status !== 'computed') return;
    expect(out.scores.map((s) => s.contributionId).sort()).toEqual([...seeded.contributionIds].sort());
    expect(out.scores.some((s) => s.score !== 0)).toBe(true);
  });
});
