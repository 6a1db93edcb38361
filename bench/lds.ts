import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import { attributeAnswer } from '../src/attribution/attributeAnswer.ts';
import { buildCorpusIndex } from '../src/attribution/buildCorpusIndex.ts';
import { seededRandom } from '../src/attribution/seededRandom.ts';
import {
  contributionFeatures,
  defaultInfluenceSpec,
  type InfluenceSpec,
  projectedAdapterGradient,
} from '../src/ml/influence/adapterGradient.ts';
import { addInfluenceScores } from '../src/ml/influence/addInfluenceScores.ts';
import { adapterWeights, llamaLogits } from '../src/ml/lora/llamaForward.ts';
import { type LlamaModel, loadLlamaModel } from '../src/ml/lora/llamaModel.ts';
import type { LoraAdapter } from '../src/ml/lora/loraAdapter.ts';
import { DEFAULT_LORA_CONFIG } from '../src/ml/lora/loraTrainingConfig.ts';
import { trainLoraTfjs } from '../src/ml/lora/trainLoraTfjs.ts';
import { TracInCheckpoints } from '../src/training/tracInCheckpoints.ts';
import { fixtureContributions } from '../test/support/attribution/attributionFixture.ts';
import { spearman } from '../test/support/attribution/spearman.ts';
import { randomLoraAdapter } from '../test/support/randomLoraAdapter.ts';
import { writeTinyLlamaGguf } from '../test/support/writeTinyLlamaGguf.ts';

/**
 * Faithfulness of attribution, measured as the linear datamodeling score (LDS, TRAK): adapters
 * are trained on M random halves of a small fixture (tiny model), and for each probe answer the
 * Spearman correlation over halves between the predicted effect of the half (sum of its members'
 * scores) and the actual drop in the answer's loss, averaged over probes. Reported for gradient
 * influence (features of the full-data adapter), span attribution and a random baseline, and the
 * cost of one influence computation against generating the same answer. LDS_HALVES, LDS_PROBES.
 */
function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench: 'lds', metric, value: Number(value.toFixed(4)), unit })}\n`,
  );
}
const HALVES = Number(process.env.LDS_HALVES ?? 16);
const PROBES = Number(process.env.LDS_PROBES ?? 6);
const config = { ...DEFAULT_LORA_CONFIG, epochs: 6, learningRate: 1e-2, dropout: 0, maxSeqLen: 64, seed: 3 };

const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-bench-lds-'));
let model: LlamaModel | undefined;
try {
  const tiny = await writeTinyLlamaGguf(path.join(folder, 'tiny.gguf'), { seed: 2, kvHeads: 2 });
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  const base = await llama.loadModel({ modelPath: tiny.path });
  const docs = fixtureContributions.map((c) => [
    tiny.bosId,
    ...base.tokenize(c.text, false).slice(0, 40),
    tiny.eosId,
  ]);
  model = await loadLlamaModel(await fs.readFile(tiny.path));
  const train = async (members: number[]) =>
    (await trainLoraTfjs({ model: model!, config, train: members.map((i) => docs[i]), heldOut: [] })).adapter;
  const n = docs.length;

  // The full-data adapter, keeping the two earlier TracIn checkpoints INFLUENCE_CHECKPOINTS=3 keeps.
  let totalSteps = 0;
  const tracIn = new TracInCheckpoints(3);
  const full = (
    await trainLoraTfjs({
      model,
      config,
      train: docs,
      heldOut: [],
      checkpointEvery: 2,
      onProgress: (p) => {
        totalSteps = p.totalSteps;
      },
      onCheckpoint: (c) => tracIn.offer(c.step, totalSteps, c.adapter),
    })
  ).adapter;
  const checkpoints3 = [...tracIn.adapters, full];
  const probes = Array.from({ length: Math.min(PROBES, n) }, (_, p) => {
    const doc = docs[(p * 5) % n];
    const cut = Math.max(2, Math.floor(doc.length / 3));
    return { prompt: doc.slice(0, cut), answer: doc.slice(cut) };
  });

  // Scores per probe and contribution, by method: gradient influence over the top layer's
  // adapters (the default) and over the top two layers' (about twice the cost).
  // (TracIn: summed over checkpoints, each weighing 1/K, as the service's scorer does.)
  const gradientScores = (spec: InfluenceSpec, adapters: LoraAdapter[] = [full]) => {
    const sum = probes.map(() => new Float64Array(n));
    for (const adapter of adapters) {
      const features = contributionFeatures(model!, adapter, docs, spec);
      probes.forEach((probe, p) => {
        const g = projectedAdapterGradient(model!, adapter, sequenceOf(probe), spec);
        addInfluenceScores(sum[p], g, features, 0, 1 / adapters.length);
      });
    }
    return sum.map((s) => [...s]);
  };
  const sequenceOf = (probe: { prompt: number[]; answer: number[] }) => ({
    tokens: [...probe.prompt, ...probe.answer],
    lossFrom: probe.prompt.length,
  });
  const spec = defaultInfluenceSpec(model.config, full.targets, { projectionDim: 128 });
  const spec2 = defaultInfluenceSpec(model.config, full.targets, { projectionDim: 128, topLayers: 2 });
  const gradient = gradientScores(spec);
  const gradient2 = gradientScores(spec2);
  const gradient3 = gradientScores(spec, checkpoints3);
  const index = buildCorpusIndex(
    docs.map((doc, c) => ({ contributionId: String(c), tokens: doc.map((t) => t + 1) })),
    { tokenLimit: tiny.vocabSize + 1 },
  );
  const spans = probes.map((probe) => {
    const credit = attributeAnswer(
      index,
      probe.answer.map((t) => t + 1),
      { minSpan: 4 },
    );
    const out = new Array<number>(n).fill(0);
    for (const c of credit.contributions) out[Number(c.contributionId)] = c.creditUnits;
    return out;
  });
  const random = seededRandom(99);
  const randomScores = probes.map(() => docs.map(() => random()));

  // Halves: train, then the probe's answer loss under each.
  const rng = seededRandom(7);
  const halves: number[][] = [];
  const losses: number[][] = probes.map(() => []);
  for (let m = 0; m < HALVES; m++) {
    const order = docs.map((_, i) => i).sort(() => rng() - 0.5);
    const members = order.slice(0, Math.floor(n / 2)).sort((a, b) => a - b);
    halves.push(members);
    const adapter = await train(members);
    probes.forEach((probe, p) => {
      losses[p].push(answerLoss(model!, adapter, probe.prompt, probe.answer));
    });
  }
  const lds = (scores: number[][]) => {
    const per = probes.map((_, p) => {
      const predicted = halves.map((h) => h.reduce((a, c) => a + scores[p][c], 0));
      return spearman(
        predicted,
        losses[p].map((l) => -l),
      );
    });
    const valid = per.filter((x) => Number.isFinite(x));
    return valid.reduce((a, b) => a + b, 0) / Math.max(1, valid.length);
  };
  emit('lds_gradient', lds(gradient), 'spearman');
  emit('lds_gradient_top_two_layers', lds(gradient2), 'spearman');
  // Each checkpoint costs one more gradient per call: about checkpoints × influence_cpu_vs_generation.
  emit('lds_gradient_3_checkpoints', lds(gradient3), 'spearman');
  emit('tracin_checkpoints_kept', checkpoints3.length, 'adapters');
  emit('lds_spans', lds(spans), 'spearman');
  emit('lds_random', lds(randomScores), 'spearman');
  emit('halves', HALVES, 'adapters');
  emit('probes', probes.length, 'answers');
  emit('contributions', n, 'texts');

  // Cost, warm (the service's scorer is long-lived): per probe, the median of 5 influence
  // computations against the median of 5 generations of the same answer length with llama.cpp on
  // the same tiny model (prompt evaluation included, context creation not). Wall time swings with
  // the machine's load (a 5 ms computation is preempted as often as a 20 ms one), so the process's
  // CPU time per computation (llama.cpp's threads included) is reported beside it.
  const cpuMs: Record<'influence' | 'influence2' | 'generation', number> = {
    influence: 0,
    influence2: 0,
    generation: 0,
  };
  const median5 = async (kind: keyof typeof cpuMs, f: () => unknown) => {
    const t: number[] = [];
    for (let r = 0; r < 5; r++) {
      const c0 = process.cpuUsage();
      const s0 = performance.now();
      await f();
      t.push(performance.now() - s0);
      const c = process.cpuUsage(c0);
      cpuMs[kind] += (c.user + c.system) / 1000 / 5;
    }
    return t.sort((a, b) => a - b)[2];
  };
  const context = await base.createContext({ contextSize: 256, threads: 1 });
  // Warm-up, as a long-lived scorer is: compiled code, the block weights copied out of tfjs and
  // each projection matrix generated once, not per call.
  for (const probe of probes) {
    projectedAdapterGradient(model, full, sequenceOf(probe), spec);
    projectedAdapterGradient(model, full, sequenceOf(probe), spec2);
  }
  let influenceMs = 0;
  let influence2Ms = 0;
  let generationMs = 0;
  for (const probe of probes) {
    influenceMs += await median5('influence', () =>
      projectedAdapterGradient(model!, full, sequenceOf(probe), spec),
    );
    influence2Ms += await median5('influence2', () =>
      projectedAdapterGradient(model!, full, sequenceOf(probe), spec2),
    );
    generationMs += await median5('generation', async () => {
      const seq = context.getSequence();
      let produced = 0;
      for await (const _ of seq.evaluate(probe.prompt as never, { temperature: 0 })) {
        if (++produced >= probe.answer.length) break;
      }
      seq.dispose();
    });
  }
  await context.dispose();
  await base.dispose();
  await llama.dispose();
  emit('influence_ms_per_answer', influenceMs / probes.length, 'ms');
  emit('influence_ms_per_answer_top_two_layers', influence2Ms / probes.length, 'ms');
  emit('generation_ms_per_answer', generationMs / probes.length, 'ms');
  emit('influence_cost_vs_generation', influenceMs / generationMs, 'ratio');
  emit('influence_cost_vs_generation_top_two_layers', influence2Ms / generationMs, 'ratio');
  emit('influence_cpu_ms_per_answer', cpuMs.influence / probes.length, 'ms cpu');
  emit('generation_cpu_ms_per_answer', cpuMs.generation / probes.length, 'ms cpu');
  emit('influence_cpu_vs_generation', cpuMs.influence / cpuMs.generation, 'ratio');
  emit('influence_cpu_vs_generation_top_two_layers', cpuMs.influence2 / cpuMs.generation, 'ratio');
  emit('load_average_1m', os.loadavg()[0], 'processes');
  if (process.env.LDS_135M !== '0') await cost135m(folder);
} finally {
  model?.dispose();
  await fs.rm(folder, { recursive: true, force: true });
}

/** Mean next-token loss of `answer` after `prompt` under the adapter. */
function answerLoss(m: LlamaModel, adapter: LoraAdapter, prompt: number[], answer: number[]): number {
  const weights = adapterWeights(adapter);
  try {
    return tf.tidy(() => {
      const tokens = [...prompt, ...answer];
      const logits = llamaLogits(
        m,
        tf.tensor2d([tokens.slice(0, -1)], [1, tokens.length - 1], 'int32'),
        weights,
      );
      const logp = tf.logSoftmax(logits.slice([prompt.length - 1, 0], [answer.length, -1]));
      const picked = tf.sum(tf.mul(logp, tf.oneHot(tf.tensor1d(answer, 'int32'), m.config.vocabSize)), 1);
      return -tf.mean(picked).dataSync()[0];
    });
  } finally {
    for (const p of weights.pairs.values()) {
      p.a.dispose();
      p.b.dispose();
    }
  }
}

/**
 * Influence cost on a 135M-shaped model (SmolLM-135M's layers, tiny vocabulary): one projected
 * gradient over the top layer's rank-8 q,v adapters (the default) for a 16-token prompt and
 * 32-token answer
 * (median of 3), against llama.cpp generating those 32 tokens after the prompt on the same shape.
 */
async function cost135m(dir: string): Promise<void> {
  const shape = { dim: 576, layers: 30, heads: 9, kvHeads: 3, ffn: 1536 };
  const big = await writeTinyLlamaGguf(path.join(dir, 'base-135m.gguf'), {
    ...shape,
    weightType: 'q8_0',
    seed: 1,
  });
  const m = await loadLlamaModel(await fs.readFile(big.path));
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  const base = await llama.loadModel({ modelPath: big.path });
  const context = await base.createContext({ contextSize: 256, threads: 1 });
  try {
    const adapter = randomLoraAdapter(shape, { seed: 5, scale: 0.02 });
    const spec = defaultInfluenceSpec(m.config, adapter.targets, { projectionDim: 128 });
    const tokens = Array.from({ length: 48 }, (_, i) => 3 + ((i * 37) % (big.vocabSize - 3)));
    projectedAdapterGradient(m, adapter, { tokens: tokens.slice(0, 8), lossFrom: 4 }, spec); // warm-up
    const median3 = async (f: () => unknown) => {
      const t: number[] = [];
      for (let r = 0; r < 3; r++) {
        const s0 = performance.now();
        await f();
        t.push(performance.now() - s0);
      }
      return t.sort((x, y) => x - y)[1];
    };
    const influenceMs = await median3(() =>
      projectedAdapterGradient(m, adapter, { tokens, lossFrom: 16 }, spec),
    );
    const generationMs = await median3(async () => {
      const seq = context.getSequence();
      let produced = 0;
      for await (const _ of seq.evaluate(tokens.slice(0, 16) as never, { temperature: 0 })) {
        if (++produced >= 32) break;
      }
      seq.dispose();
    });
    emit('influence_ms_135m_32_answer_tokens', influenceMs, 'ms');
    emit('generation_ms_135m_32_answer_tokens', generationMs, 'ms (llama.cpp, 1 thread)');
    emit('influence_cost_vs_generation_135m', influenceMs / generationMs, 'ratio');
  } finally {
    await context.dispose();
    await base.dispose();
    await llama.dispose();
    m.dispose();
  }
}
