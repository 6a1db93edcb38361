import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterPool } from '../src/ml/serving/adapterPool.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { createLoraRun } from './support/loraRunFixture.ts';
import { writeRandomLoraGguf } from './support/randomLoraAdapter.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { type TinyLlama, writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

let t: TestApp;
let tiny: TinyLlama;
let developer: string;
let caller: string;
const datanets: SeededDatanet[] = [];
const models: { id: string; adapterSha256: string }[] = [];
const FEE = 4n * TOKEN + 1n;
const SPLIT = { developerBps: 2000, dataBps: 5000, validatorsBps: 2000, protocolBps: 1000 };
const TEXTS = [
  ['The kitchen was warm and the bread was rising slowly.', 'Rain fell on the tin roof all night long.'],
  ['A river runs under the old stone bridge.', 'The lanterns glowed over the quiet harbour.'],
];

const ask = (modelId: string, key: string, prompt = 'The kitchen') =>
  t.app.inference.invoke({
    accountId: caller,
    modelId,
    prompt,
    maxTokens: 10,
    temperature: 1,
    idempotencyKey: key,
  });
const pool = () => t.app.deps.neural!.generator as AdapterPool;

beforeAll(async () => {
  // One hot adapter context at most: every switch between the two models evicts the other.
  t = await createTestApp({ LORA_MAX_CONTEXTS: '1', LORA_CONTEXT_SIZE: '128', LORA_MAX_PARALLEL: '2' });
  const baseDir = path.join(t.dataDir, 'base-models');
  await fs.mkdir(baseDir, { recursive: true });
  tiny = await writeTinyLlamaGguf(path.join(baseDir, 'tiny-llama.gguf'), { seed: 4 });
  developer = await fundedPerson(t.app, 'developer');
  caller = await fundedPerson(t.app, 'caller');
  for (const [i, texts] of TEXTS.entries()) {
    const seeded = await seedApprovedDatanet(t.app, {
      name: `Lora Verse ${i}`,
      texts,
      authors: [0, 1],
      authorCount: 2,
    });
    datanets.push(seeded);
    const adapterPath = await writeRandomLoraGguf(path.join(t.dataDir, `adapter-${i}.gguf`), tiny, {
      seed: 31 + i,
      scale: 0.6,
    });
    const run = await createLoraRun(t.app, {
      developer,
      datanetId: seeded.datanetId,
      baseModel: { name: 'tiny-llama', path: tiny.path, vocabSize: tiny.vocabSize },
      adapterPath,
      minSpan: 1,
    });
    const published = await t.app.models.publish({
      accountId: developer,
      runId: run.runId,
      name: `lora-verse-${i}`,
      pricePerCall: FEE.toString(),
      split: SPLIT,
      idempotencyKey: `publish-${i}`,
    });
    expect(published.model).toMatchObject({
      kind: 'lora',
      baseModel: 'tiny-llama',
      adapterHash: run.adapterSha256,
    });
    models.push({ id: published.model.id, adapterSha256: run.adapterSha256 });
  }
});
afterAll(async () => t?.cleanup());

describe('LoRA models on one base', () => {
  it('answer differently, each charged and attributed to its own datanet', async () => {
    const before = (await t.app.ledger.getBalance({ accountId: caller })).available;
    const a = await ask(models[0].id, 'a-1');
    const b = await ask(models[1].id, 'b-1');
    expect(a.answer).not.toBe(b.answer);
    expect((await t.app.ledger.getBalance({ accountId: caller })).available).toBe(before - 2n * FEE);
    for (const [i, r] of [a, b].entries()) {
      expect(r.receipt).toMatchObject({
        modelId: models[i].id,
        fee: FEE.toString(),
        neural: {
          baseModel: 'tiny-llama',
          adapterSha256: models[i].adapterSha256,
          influence: { status: 'none' },
        },
      });
      expect(r.receipt.attribution.spans.length).toBeGreaterThan(0);
      const credited = r.receipt.attribution.contributions.map((c) => c.contributionId);
      expect(credited.length).toBeGreaterThan(0);
      for (const id of credited) expect(datanets[i].contributionIds).toContain(id);
      const paid = r.receipt.payouts.filter((p) => p.role === 'contributor').map((p) => p.accountId);
      for (const p of paid) expect(datanets[i].contributors).toContain(p);
      const total = r.receipt.payouts.reduce((sum, p) => sum + BigInt(p.amount), 0n);
      expect(total).toBe(FEE);
    }
    const [m0, m1] = await Promise.all(models.map((m) => t.app.models.get({ model: m.id })));
    expect(m0.usage).toEqual({ calls: 1, fees: FEE });
    expect(m1.usage).toEqual({ calls: 1, fees: FEE });
    await assertLedgerInvariants(t.app);
  });

  it('reloads an evicted adapter on demand and gives the same seeded answer; a replay charges once', async () => {
    const first = await ask(models[0].id, 'seeded-1');
    await ask(models[1].id, 'evict-0');
    expect(pool().isHot({ baseModel: tiny.path, adapterPath: '', adapterKey: models[0].adapterSha256 })).toBe(
      false,
    );
    const loads = pool().stats().loads;
    // Same caller, same key: the same seed; a replay returns the stored receipt without running the model.
    const replay = await ask(models[0].id, 'seeded-1');
    expect(replay).toMatchObject({ replayed: true, answer: first.answer });
    expect(replay.receipt.receiptHash).toBe(first.receipt.receiptHash);
    expect(pool().stats().loads).toBe(loads);
    // A fresh call with the same explicit seed reloads the evicted adapter and samples the same answer.
    const again = await t.app.inference.invoke({
      accountId: caller,
      modelId: models[0].id,
      prompt: 'The kitchen',
      maxTokens: 10,
      temperature: 1,
      seed: first.receipt.sampling.seed,
      idempotencyKey: 'seeded-2',
    });
    expect(pool().stats().loads).toBe(loads + 1);
    expect(again.answer).toBe(first.answer);
    expect(again.receipt.attribution).toEqual(first.receipt.attribution);
    expect(pool().stats()).toMatchObject({ bases: 1, hot: 1 });
  });
});
