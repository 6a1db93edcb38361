import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

const TEXTS = [
  'The kitchen was warm and the bread was rising slowly by the window.',
  'Rain fell on the tin roof all night while the dog slept by the door.',
  'A river runs under the old stone bridge toward the grey sea.',
  'The lanterns glowed over the quiet harbour as the boats came home.',
];

let t: TestApp;
let baseDir: string;
let seeded: SeededDatanet;

beforeAll(async () => {
  baseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-lora-e2e-'));
  await writeTinyLlamaGguf(path.join(baseDir, 'tiny-llama.gguf'), { dim: 32, ffn: 64, kvHeads: 2, seed: 9 });
  t = await createTestApp({
    BASE_MODELS_DIR: baseDir,
    INFLUENCE_BUDGET_MS: '60000',
    LORA_CONTEXT_SIZE: '128',
  });
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Kitchen Verse',
    texts: TEXTS,
    authors: [0, 1, 2, 0],
    authorCount: 3,
  });
});
afterAll(async () => {
  await t?.cleanup();
  await fs.rm(baseDir, { recursive: true, force: true });
});

describe('a LoRA model from training to a paid, attributed answer', () => {
  it('trains with gradient features, publishes, and pays by spans and influence', async () => {
    const developer = await fundedPerson(t.app, 'developer');
    const caller = await fundedPerson(t.app, 'caller');
    const started = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      options: {
        kind: 'lora',
        baseModel: 'tiny-llama',
        minSpan: 2,
        lora: { rank: 4, epochs: 3, learningRate: 0.02 },
      },
      idempotencyKey: 'lora-e2e',
    });
    for await (const _ of t.app.training.watch({ runId: started.run.id, intervalMs: 50 })) {
      // until it ends
    }
    const run = await t.app.training.get({ runId: started.run.id });
    expect(run.status).toBe('succeeded');
    const manifest = (await t.app.deps.modelRuntime.store.readManifest(run.artifactHash!)) as unknown as {
      influence: { projectionDim: number; checkpoints: unknown[] } | null;
    };
    expect(manifest.influence).toMatchObject({ projectionDim: 128, checkpoints: [expect.anything()] });

    const { model } = await t.app.models.publish({
      accountId: developer,
      runId: run.id,
      name: 'kitchen-lora',
      pricePerCall: (2n * TOKEN).toString(),
      split: { developerBps: 2000, dataBps: 5000, validatorsBps: 2000, protocolBps: 1000 },
      idempotencyKey: 'publish',
    });
    expect(model).toMatchObject({ kind: 'lora', baseModel: 'tiny-llama' });
    const paid = await t.app.inference.invoke({
      accountId: caller,
      modelId: model.id,
      prompt: 'The kitchen was warm and',
      maxTokens: 12,
      temperature: 0,
      idempotencyKey: 'ask-1',
    });
    const neural = paid.receipt.neural!;
    expect(neural.influence.status).toBe('computed');
    expect(neural.influence.scores).toHaveLength(TEXTS.length);
    const weighted = paid.receipt.attribution.contributions;
    expect(weighted.length).toBeGreaterThan(0);
    for (const c of weighted) expect(seeded.contributionIds).toContain(c.contributionId);
    expect(paid.receipt.payouts.some((p) => p.role === 'escrow')).toBe(false);
    const contributorTotal = paid.receipt.payouts
      .filter((p) => p.role === 'contributor')
      .reduce((a, p) => a + BigInt(p.amount), 0n);
    expect(contributorTotal).toBe(BigInt(paid.receipt.parts.data));
    await assertLedgerInvariants(t.app);
  });
});
