import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContributions } from '../src/attribution/attributionFixture.ts';
import { writeTinyCausalLm } from '../src/ml/writeTinyCausalLm.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

let t: TestApp;
let seeded: SeededDatanet;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-base-model-'));

beforeAll(async () => {
  // The corpus the tokenizer learns from includes the poems, so the poems tokenise compactly.
  await writeTinyCausalLm(folder, { seed: 3, corpus: fixtureContributions.map((c) => c.text) });
  t = await createTestApp();
  const texts = fixtureContributions.map((c) => c.text);
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Neural Verse',
    texts,
    authors: texts.map(() => 0),
    authorCount: 1,
  });
});
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('training on a neural base model', () => {
  it('indexes with the base model’s tokenizer, mixes it into generation, and attributes in its tokens', async () => {
    const developer = await fundedPerson(t.app, 'developer');
    const caller = await fundedPerson(t.app, 'caller');
    const { run } = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      options: { baseModel: folder, mixWeight: 0.2, minSpan: 6 },
      idempotencyKey: 'neural',
    });
    expect(run.options).toEqual({ tokenizer: 'base', baseModel: folder, minSpan: 6, mixWeight: 0.2 });
    let done = run;
    for await (const r of t.app.training.watch({ runId: run.id, intervalMs: 20 })) done = r;
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const manifest = JSON.parse(
      fs.readFileSync(path.join(t.dataDir, 'artifacts', `${done.artifactHash}.json`), 'utf8'),
    );
    expect(manifest.tokenizer).toMatchObject({ kind: 'base', id: expect.stringMatching(/^base:/) });
    expect(manifest.files.vocabulary).toBeNull();

    const { model } = await t.app.models.publish({
      accountId: developer,
      runId: run.id,
      name: 'Neural Weaver',
      pricePerCall: '500',
      split: { developerBps: 2500, dataBps: 2500, validatorsBps: 2500, protocolBps: 2500 },
      idempotencyKey: 'p',
    });
    expect(model.baseModel).toBe(folder);
    const call = {
      accountId: caller,
      modelId: model.id,
      prompt: 'The little model dreams in borrowed words,',
      maxTokens: 12,
      idempotencyKey: 'n1',
    };
    const first = await t.app.inference.invoke(call);
    expect(first.receipt.answerTokens).toBeGreaterThan(0);
    expect(first.answer.length).toBeGreaterThan(0);
    const paid = first.receipt.payouts.reduce((a, p) => a + BigInt(p.amount), 0n);
    expect(paid).toBe(500n);
    // The seed comes from the key, so the same key samples the same answer from the mixture.
    expect(await t.app.inference.invoke(call)).toMatchObject({ replayed: true, answer: first.answer });
    await assertLedgerInvariants(t.app);
  });
});
