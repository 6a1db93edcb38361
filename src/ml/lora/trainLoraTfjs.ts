import * as tf from '@tensorflow/tfjs';
import { seededUniform } from '../../shared/seededUniform.ts';
import { type LoraWeights, llamaLogits, loraKey } from './llamaForward.ts';
import type { LlamaModel } from './llamaModel.ts';
import { LORA_TARGETS, type LoraAdapter, loraScale } from './loraAdapter.ts';
import type { LoraCheckpoint } from './loraCheckpoint.ts';
import type { LoraTrainer, TrainLoraInput, TrainLoraResult } from './loraTrainer.ts';
import { epochOrder, type PackedSequence, packSequences } from './packSequences.ts';
import { tfjsWasm } from './tfjsWasm.ts';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Masked mean next-token cross-entropy of a batch. */
function batchLoss(model: LlamaModel, rows: readonly PackedSequence[], lora?: LoraWeights): tf.Scalar {
  const length = rows[0].input.length;
  const input = tf.tensor2d(
    concat(
      rows.map((r) => r.input),
      Int32Array,
    ),
    [rows.length, length],
    'int32',
  );
  const target = tf.tensor1d(
    concat(
      rows.map((r) => r.target),
      Int32Array,
    ),
    'int32',
  );
  const mask = tf.tensor1d(
    concat(
      rows.map((r) => r.mask),
      Float32Array,
    ),
  );
  const logp = tf.logSoftmax(llamaLogits(model, input, lora));
  const picked = tf.sum(tf.mul(logp, tf.oneHot(target, model.config.vocabSize)), -1);
  return tf.div(tf.neg(tf.sum(tf.mul(picked, mask))), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
}

function concat<T extends Int32Array | Float32Array>(parts: T[], Type: { new (n: number): T }): T {
  const out = new Type(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Mean loss over all held-out tokens (token-weighted across batches). */
async function heldOutLoss(
  model: LlamaModel,
  rows: readonly PackedSequence[],
  batchSize: number,
  lora?: LoraWeights,
): Promise<number> {
  let total = 0;
  let count = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const n = batch.reduce((s, r) => s + r.mask.reduce((a, b) => a + b, 0), 0);
    const loss = tf.tidy(() => batchLoss(model, batch, lora));
    total += (await loss.data())[0] * n;
    count += n;
    loss.dispose();
    await new Promise((r) => setImmediate(r));
  }
  return count ? total / count : Number.NaN;
}

/** PEFT's initialisation: A ~ U(±1/√n_in) (kaiming-uniform, a=√5), B = 0, so training starts at the base model. */
function initialAdapter(model: LlamaModel, input: TrainLoraInput): LoraAdapter {
  const { rank, alpha, seed } = input.config;
  const targets = LORA_TARGETS.filter((t) => input.config.targets.includes(t));
  const random = seededUniform(seed ^ 0x5eed);
  const pairs = [];
  for (let layer = 0; layer < model.config.layers; layer++)
    for (const target of targets) {
      const [nIn, nOut] = model.layers[layer].w[target].shape;
      const bound = 1 / Math.sqrt(nIn);
      const a = Float32Array.from({ length: rank * nIn }, () => (2 * random() - 1) * bound);
      pairs.push({ layer, target, nIn, nOut, a, b: new Float32Array(nOut * rank) });
    }
  return { rank, alpha, targets, pairs };
}

/**
 * LoRA fine-tuning on tfjs (wasm backend): base weights are constants, only the adapter's A and B
 * are variables, updated by Adam. Deterministic for a seed: data order, dropout masks and the
 * initial adapter derive from it and the step number, so a resumed run repeats an uninterrupted one.
 */
export async function trainLoraTfjs(input: TrainLoraInput): Promise<TrainLoraResult> {
  await tfjsWasm();
  const { model, config, signal } = input;
  const started = performance.now();
  const train = packSequences(input.train, config.maxSeqLen);
  const heldOut = packSequences(input.heldOut, config.maxSeqLen);
  if (train.length === 0) throw new Error('No training tokens');
  const stepsPerEpoch = Math.ceil(train.length / config.batchSize);
  const resume: LoraCheckpoint | undefined = input.resumeFrom;
  const adapter0 = resume?.adapter ?? initialAdapter(model, input);
  const vars = adapter0.pairs.flatMap((p) => [
    tf.variable(tf.tensor2d(p.a, [adapter0.rank, p.nIn])),
    tf.variable(tf.tensor2d(p.b, [p.nOut, adapter0.rank])),
  ]);
  const m = vars.map((v, i) => tf.variable(resume ? tf.tensor(resume.adamM[i], v.shape) : tf.zerosLike(v)));
  const s = vars.map((v, i) => tf.variable(resume ? tf.tensor(resume.adamV[i], v.shape) : tf.zerosLike(v)));
  const pairs = new Map(
    adapter0.pairs.map((p, i) => [
      loraKey(p.layer, p.target),
      { a: vars[2 * i] as tf.Tensor2D, b: vars[2 * i + 1] as tf.Tensor2D },
    ]),
  );
  const lora = (dropoutSeed?: number): LoraWeights => ({
    scale: loraScale(adapter0),
    pairs,
    dropout:
      dropoutSeed === undefined || !config.dropout ? undefined : { rate: config.dropout, seed: dropoutSeed },
  });
  const snapshot = async (
    step: number,
    tokens: number,
    lossCurve: { step: number; loss: number }[],
    baseLoss: number | null,
  ): Promise<LoraCheckpoint> => {
    const data = await Promise.all(vars.map((v) => v.data() as Promise<Float32Array>));
    return {
      step,
      tokens,
      adapter: {
        ...adapter0,
        pairs: adapter0.pairs.map((p, i) => ({ ...p, a: data[2 * i], b: data[2 * i + 1] })),
      },
      adamM: await Promise.all(m.map((v) => v.data() as Promise<Float32Array>)),
      adamV: await Promise.all(s.map((v) => v.data() as Promise<Float32Array>)),
      lossCurve: [...lossCurve],
      baseLoss,
    };
  };
  try {
    const baseLoss = resume
      ? resume.baseLoss
      : heldOut.length
        ? await heldOutLoss(model, heldOut, config.batchSize)
        : null;
    const lossCurve = [...(resume?.lossCurve ?? [])];
    let tokens = resume?.tokens ?? 0;
    let step = resume?.step ?? 0;
    const totalSteps = config.epochs * stepsPerEpoch;
    let trainedTokens = 0;
    // Throughput counts training steps only, not the held-out evaluations around them.
    const trainStarted = performance.now();
    while (step < totalSteps && (config.tokenBudget === null || tokens < config.tokenBudget)) {
      signal?.throwIfAborted();
      const epoch = Math.floor(step / stepsPerEpoch);
      const order = epochOrder(train.length, config.seed, epoch);
      const within = step % stepsPerEpoch;
      const rows = order
        .slice(within * config.batchSize, (within + 1) * config.batchSize)
        .map((i) => train[i]);
      const lr = config.learningRate;
      const t = step + 1;
      const lossValue = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () => batchLoss(model, rows, lora(config.seed * 7919 + step * 131)),
          vars,
        );
        vars.forEach((v, i) => {
          const g = grads[v.name];
          m[i].assign(tf.add(tf.mul(m[i], BETA1), tf.mul(g, 1 - BETA1)));
          s[i].assign(tf.add(tf.mul(s[i], BETA2), tf.mul(tf.square(g), 1 - BETA2)));
          const mHat = tf.div(m[i], 1 - BETA1 ** t);
          const sHat = tf.div(s[i], 1 - BETA2 ** t);
          v.assign(tf.sub(v, tf.mul(tf.div(mHat, tf.add(tf.sqrt(sHat), EPS)), lr)));
        });
        return value;
      });
      const loss = (await lossValue.data())[0];
      lossValue.dispose();
      const n = rows.reduce((sum, r) => sum + r.mask.reduce((a, b) => a + b, 0), 0);
      tokens += n;
      trainedTokens += n;
      step += 1;
      lossCurve.push({ step, loss });
      await input.onProgress?.({
        step,
        totalSteps,
        epoch,
        loss,
        tokens,
        tokensPerSecond: trainedTokens / ((performance.now() - trainStarted) / 1000),
      });
      if (input.onCheckpoint && step % (input.checkpointEvery ?? 50) === 0 && step < totalSteps)
        await input.onCheckpoint(await snapshot(step, tokens, lossCurve, baseLoss));
      await new Promise((r) => setImmediate(r));
    }
    const final = await snapshot(step, tokens, lossCurve, baseLoss);
    const adapterLoss = heldOut.length ? await heldOutLoss(model, heldOut, config.batchSize, lora()) : null;
    const heldOutTokens = heldOut.reduce((sum, r) => sum + r.mask.reduce((a, b) => a + b, 0), 0);
    return {
      adapter: final.adapter,
      steps: step,
      tokens,
      lossCurve,
      eval:
        baseLoss === null || adapterLoss === null
          ? null
          : {
              heldOutTokens,
              baseLoss,
              adapterLoss,
              basePerplexity: Math.exp(baseLoss),
              adapterPerplexity: Math.exp(adapterLoss),
            },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    tf.dispose([...vars, ...m, ...s]);
  }
}

export const tfjsLoraTrainer: LoraTrainer = { name: 'tfjs-wasm', train: trainLoraTfjs };
