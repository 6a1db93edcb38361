import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { projectedAdapterGradient } from '../src/ml/influence/adapterGradient.ts';
import { TfjsInfluenceScorer } from '../src/ml/influence/tfjsInfluenceScorer.ts';
import { decodeLoraGguf } from '../src/ml/lora/encodeLoraGguf.ts';
import { decodeSafetensors } from '../src/ml/lora/encodePeftAdapter.ts';
import { loadLlamaModel } from '../src/ml/lora/llamaModel.ts';
import type { LoraTarget } from '../src/ml/lora/loraAdapter.ts';
import { readLoraArtifact } from '../src/ml/serving/loraArtifact.ts';
import type { JobQueue } from '../src/queue/jobQueue.ts';
import type { Deps } from '../src/shared/deps.ts';
import { sha256Hex } from '../src/shared/hash.ts';
import type { LoraArtifactManifest } from '../src/training/buildLoraArtifact.ts';
import { runTraining } from '../src/training/runTraining.ts';
import { startTrainingRun } from '../src/training/startTrainingRun.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { writeTinyLlamaGguf } from './support/writeTinyLlamaGguf.ts';

// Repetitive on purpose: a tiny random model can learn it in a few seconds.
const NAMES = ['Grandma', 'Uncle Reza', 'Aunt Mina', 'Cousin Sara', 'Grandpa', 'Little Omid'];
const FOODS = [
  'bread',
  'soup',
  'rice',
  'cake',
  'stew',
  'pie',
  'noodles',
  'cookies',
  'dumplings',
  'salad',
  'tea',
  'jam',
];
const TEXTS = FOODS.map(
  (food, i) =>
    `${NAMES[i % NAMES.length]} makes ${food} every Friday, and the whole family gathers around the warm kitchen table.`,
);
const LORA = {
  rank: 4,
  epochs: 4,
  learningRate: 0.02,
  targets: ['q', 'v', 'o', 'down'] as ('q' | 'v' | 'o' | 'down')[],
  maxSeqLen: 32,
  seed: 7,
};

let t: TestApp;
let http: HttpServer;
let client: Client;
let baseDir: string;
let basePath: string;
let seeded: SeededDatanet;

beforeAll(async () => {
  baseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-base-models-'));
  basePath = (
    await writeTinyLlamaGguf(path.join(baseDir, 'tiny-llama.gguf'), { dim: 32, ffn: 64, kvHeads: 2, seed: 9 })
  ).path;
  t = await createTestApp({ BASE_MODELS_DIR: baseDir });
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Bread Club',
    texts: TEXTS,
    authors: TEXTS.map((_, i) => i % 3),
    authorCount: 3,
  });
  const { apiKey, accountId } = await t.app.accounts.createAgent({ name: 'trainer' });
  await t.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  client = await connectHttp(`${http.url}/mcp`, apiKey);
}, 120_000);
afterAll(async () => {
  await client?.close();
  await http?.close();
  await t?.cleanup();
  if (baseDir) await fs.rm(baseDir, { recursive: true, force: true });
});

describe('LoRA training runs', () => {
  it('an MCP user picks a base model by name, trains a LoRA with live loss and gets an evaluation', async () => {
    const { baseModels } = await callOk(client, 'list_base_models');
    expect(baseModels.map((m: { name: string }) => m.name)).toContain('tiny-llama');
    const bad = await callError(client, 'start_training_run', {
      datanetId: seeded.datanetId,
      options: { kind: 'lora', baseModel: 'tiny-llama', lora: { rank: 0 } },
      idempotencyKey: 'bad-rank',
    });
    expect(bad).toMatchObject({ code: 'BAD_INPUT' });
    expect(bad.message).toContain('options.lora.rank');

    const messages: string[] = [];
    const started = await client.callTool(
      {
        name: 'start_training_run',
        arguments: {
          datanetId: seeded.datanetId,
          options: { kind: 'lora', baseModel: 'tiny-llama', lora: LORA },
          waitSeconds: 120,
          idempotencyKey: 'lora-1',
        },
      },
      undefined,
      { onprogress: (p) => messages.push(String(p.message)), timeout: 150_000 },
    );
    const run = (
      started.structuredContent as {
        run: {
          id: string;
          status: string;
          progressMessage: string;
          artifactHash: string;
          options: { kind: string };
        };
      }
    ).run;
    expect(run).toMatchObject({ status: 'succeeded', options: { kind: 'lora' } });
    expect(messages.some((m) => /Training step \d+\/\d+: loss \d/.test(m))).toBe(true);
    const figures = /held-out loss ([\d.]+) → ([\d.]+)/.exec(run.progressMessage);
    expect(figures).not.toBeNull();
    expect(Number(figures?.[2])).toBeLessThan(Number(figures?.[1]));

    const store = t.app.deps.modelRuntime.store;
    const manifest = (await store.readManifest(run.artifactHash)) as unknown as LoraArtifactManifest;
    expect(manifest).toMatchObject({
      kind: 'lora',
      baseModel: { name: 'tiny-llama', sha256: sha256Hex(await fs.readFile(basePath)) },
      tokenizer: { offset: 1 },
    });
    expect(manifest.training.config).toMatchObject({ rank: 4, alpha: 8, targets: ['q', 'v', 'o', 'down'] });
    expect(manifest.eval?.adapterLoss).toBeLessThan(manifest.eval?.baseLoss ?? 0);
    expect(manifest.training.heldOutContributions).toHaveLength(1);
    const adapter = decodeLoraGguf(await store.readBlob(manifest.files.loraGguf));
    expect(adapter.pairs).toHaveLength(2 * 4);
    const peft = decodeSafetensors(await store.readBlob(manifest.files.peftSafetensors));
    expect(peft.has('base_model.model.model.layers.1.mlp.down_proj.lora_B.weight')).toBe(true);
    expect(JSON.parse((await store.readBlob(manifest.files.peftConfig)).toString())).toMatchObject({
      r: 4,
      lora_alpha: 8,
    });
    // The index covers every contribution, held-out ones too (for span attribution).
    expect(manifest.contributions).toHaveLength(TEXTS.length);
  }, 180_000);

  it('a run whose worker stopped resumes from its checkpoint to the same artifact', async () => {
    const developer = await fundedPerson(t.app, 'developer');
    const queue: JobQueue = { kind: 'in-process', enqueue: async () => {} };
    const held: Deps = { ...t.app.deps, jobs: queue };
    const options = { kind: 'lora' as const, baseModel: 'tiny-llama', lora: { ...LORA, epochs: 12 } };
    const start = (key: string) =>
      startTrainingRun(held, {
        accountId: developer,
        datanetId: seeded.datanetId,
        options,
        idempotencyKey: key,
      });

    const { run: whole } = await start('whole');
    const reference = await runTraining(held, { runId: whole.id });
    expect(reference.status).toBe('succeeded');

    const { run } = await start('interrupted');
    const checkpoints = path.join(t.app.deps.modelRuntime.store.root, 'checkpoints');
    const stop = new AbortController();
    await expect(
      runTraining(held, {
        runId: run.id,
        signal: stop.signal,
        reportProgress: async () => {
          const files = await fs.readdir(checkpoints).catch(() => []);
          if (files.some((f) => f === `run-${run.id}.json`)) stop.abort();
        },
      }),
    ).rejects.toThrow();
    const resumedMessages: string[] = [];
    const resumed = await runTraining(held, {
      runId: run.id,
      reportProgress: async (_f, m) => void resumedMessages.push(m),
    });
    expect(resumedMessages.some((m) => /^Resuming from step [1-9]/.test(m))).toBe(true);
    expect(resumed).toMatchObject({ status: 'succeeded', artifactHash: reference.artifactHash });
    expect(await fs.readdir(checkpoints)).not.toContain(`run-${run.id}.json`);
  }, 180_000);

  it('keeps gradient features at earlier TracIn checkpoints too (INFLUENCE_CHECKPOINTS) and scores with all', async () => {
    // Its own app: the build runs on the app's job queue and reads INFLUENCE_CHECKPOINTS from its config.
    const t3 = await createTestApp({ BASE_MODELS_DIR: baseDir, INFLUENCE_CHECKPOINTS: '3' });
    try {
      const datanet = await seedApprovedDatanet(t3.app, {
        name: 'Bread Club',
        texts: TEXTS,
        authors: TEXTS.map((_, i) => i % 3),
        authorCount: 3,
      });
      const developer = await fundedPerson(t3.app, 'developer');
      // 12 texts of ~60 tokens in rows of 32, batches of 4, 24 epochs: 144 steps; resume checkpoints
      // every 25, so the TracIn ones are 50 and 100 (the first at or past 1/3 and 2/3), then the last.
      const { run } = await t3.app.training.start({
        accountId: developer,
        datanetId: datanet.datanetId,
        options: { kind: 'lora', baseModel: 'tiny-llama', lora: { ...LORA, epochs: 24 } },
        idempotencyKey: 'tracin-3',
      });
      let artifactHash: string | null = null;
      for await (const r of t3.app.training.watch({ runId: run.id, intervalMs: 50 })) {
        expect(r.status).not.toBe('failed');
        artifactHash = r.artifactHash ?? null;
      }
      await checkTracInArtifact(t3, String(artifactHash));
    } finally {
      await t3.cleanup();
    }
  }, 180_000);
});

/** The artifact keeps three checkpoints' features, and the scorer sums over all of them. */
async function checkTracInArtifact(t3: TestApp, artifactHash: string) {
  const store = t3.app.deps.modelRuntime.store;
  const artifact = await readLoraArtifact(store, artifactHash);
  const influence = artifact.influence!;
  expect(influence.checkpoints).toHaveLength(3);
  expect(influence.checkpoints.map((c) => c.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  expect(influence.checkpoints[2].adapter.sha256).toBe(artifact.manifest.files.loraGguf.sha256);
  expect(new Set(influence.checkpoints.map((c) => c.adapter.sha256)).size).toBe(3);
  const features = await store.readBlob(influence.file);
  expect(features.byteLength).toBe(3 * artifact.contributionIds.length * influence.projectionDim * 4);

  // The scorer sums over every checkpoint: Σ_k w_k·⟨g_k, f_c,k⟩/‖f_c,k‖, each g_k the answer's
  // gradient under that checkpoint's adapter, and the earlier checkpoints move the scores.
  const sequence = { tokens: [1, 5, 9, 12, 20, 7, 33, 14, 2], lossFrom: 4 };
  const scorer = new TfjsInfluenceScorer(store);
  const scored = await scorer.score({
    artifact,
    basePath,
    promptTokens: sequence.tokens.slice(0, 4),
    answerTokens: sequence.tokens.slice(4),
  });
  await scorer.close();
  const model = await loadLlamaModel(await fs.readFile(basePath));
  const n = artifact.contributionIds.length;
  const d = influence.projectionDim;
  const f = new Float32Array(
    features.buffer.slice(features.byteOffset, features.byteOffset + features.byteLength),
  );
  const terms = await Promise.all(
    influence.checkpoints.map(async (checkpoint, k) => {
      const adapter = decodeLoraGguf(await store.readBlob(checkpoint.adapter));
      const spec = { ...influence, targets: influence.targets as LoraTarget[] };
      const g = projectedAdapterGradient(model, adapter, sequence, spec);
      return artifact.contributionIds.map((_, c) => {
        const row = f.subarray((k * n + c) * d, (k * n + c + 1) * d);
        const dot = row.reduce((sum, x, i) => sum + x * g[i], 0);
        return (checkpoint.weight * dot) / (Math.hypot(...row) + 1e-12);
      });
    }),
  );
  model.dispose();
  const expected = artifact.contributionIds.map((_, c) => terms.reduce((sum, t) => sum + t[c], 0));
  const scale = Math.max(...expected.map(Math.abs));
  expect(scale).toBeGreaterThan(0);
  for (const [c, s] of scored.entries()) expect(Math.abs(s.score - expected[c])).toBeLessThan(1e-3 * scale);
  const earlier = artifact.contributionIds.map((_, c) => Math.abs(terms[0][c] + terms[1][c]));
  expect(Math.max(...earlier)).toBeGreaterThan(1e-2 * scale);
}
